package org.aybdb.infrastructure.grizzly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.junit.jupiter.api.Test;

/**
 * Filters are put in front of a real Grizzly HTTP listener while keep-alive clients hammer it,
 * again and again: every request gets its answer and the filter chain logs no failure (changing the
 * live chain in place failed with {@code ArrayIndexOutOfBoundsException} under requests), and
 * requests after an edit run through the filters it added.
 */
class FilterChainEditTest {

  /** Answers every complete request with 200 "ok". */
  private static final class Answer extends BaseFilter {
    @Override
    public NextAction handleRead(FilterChainContext ctx) {
      HttpContent content = ctx.getMessage();
      if (!content.isLast()) {
        return ctx.getStopAction();
      }
      HttpResponsePacket response = ((HttpRequestPacket) content.getHttpHeader()).getResponse();
      response.setStatus(200);
      response.setContentLength(2);
      ctx.write(
          HttpContent.builder(response)
              .content(Buffers.wrap(ctx.getMemoryManager(), "ok"))
              .last(true)
              .build());
      return ctx.getStopAction();
    }
  }

  /** Counts the requests it sees. */
  private static final class Counting extends BaseFilter {
    static final AtomicInteger SEEN = new AtomicInteger();

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
      SEEN.incrementAndGet();
      return ctx.getInvokeAction();
    }
  }

  private static final AtomicInteger ANSWERED = new AtomicInteger();

  @Test
  void filtersAreAddedAndRemovedUnderLoadWithoutAFailedRequest() throws Exception {
    ConcurrentLinkedQueue<LogRecord> logged = new ConcurrentLinkedQueue<>();
    Logger chainLog = Logger.getLogger("org.glassfish.grizzly.filterchain.DefaultFilterChain");
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              logged.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    chainLog.addHandler(capture);
    TCPNIOTransport transport = TCPNIOTransportBuilder.newInstance().build();
    transport.setProcessor(
        FilterChainBuilder.stateless()
            .add(new TransportFilter())
            .add(new HttpServerFilter())
            .add(new Answer())
            .build());
    ExecutorService clients = Executors.newFixedThreadPool(4);
    AtomicBoolean running = new AtomicBoolean(true);
    try {
      int port =
          ((java.net.InetSocketAddress)
                  transport
                      .bind(InetAddress.getLoopbackAddress().getHostAddress(), 0)
                      .getLocalAddress())
              .getPort();
      transport.start();
      List<Future<Integer>> answered = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        answered.add(clients.submit(() -> keepAliveClient(port, running)));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (int i = 0; ANSWERED.get() < 1000; i++) {
        assertTrue(System.nanoTime() < deadline, "only " + ANSWERED.get() + " answers in 60 s");
        GrizzlyFilterChains.replace(
            transport,
            filters -> {
              filters.removeIf(f -> f instanceof Counting);
              int handler = indexOf(filters, Answer.class);
              filters.addAll(handler, List.of(new Counting(), new Counting(), new Counting()));
            });
        Thread.sleep(2);
        if (i % 2 == 0) {
          GrizzlyFilterChains.replace(
              transport, filters -> filters.removeIf(f -> f instanceof Counting));
        }
      }
      Counting.SEEN.set(0);
      GrizzlyFilterChains.replace(
          transport, filters -> filters.add(indexOf(filters, Answer.class), new Counting()));
      Thread.sleep(300);
      running.set(false);
      int total = 0;
      for (Future<Integer> f : answered) {
        total += f.get(30, TimeUnit.SECONDS);
      }
      assertTrue(total >= 1000, "requests answered: " + total);
      assertTrue(Counting.SEEN.get() > 0, "requests after the last edit ran through its filter");
      assertEquals(List.of(), logged.stream().map(r -> String.valueOf(r.getThrown())).toList());
    } finally {
      running.set(false);
      clients.shutdownNow();
      transport.shutdownNow();
      chainLog.removeHandler(capture);
    }
  }

  private static int indexOf(List<Filter> filters, Class<?> type) {
    for (int i = 0; i < filters.size(); i++) {
      if (type.isInstance(filters.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + filters);
  }

  /** Sends requests on one connection until told to stop; each must be answered 200 "ok". */
  private static int keepAliveClient(int port, AtomicBoolean running) throws Exception {
    int answered = 0;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      // Without this, Nagle's algorithm holds the second half of each request until the first is
      // acknowledged, and the listener delays that acknowledgement: about 40 ms a request, so the
      // 1000 answers took 11 s. The two halves still go out as separate segments.
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      while (running.get()) {
        // Split in two writes, so that a request is often half-read when the chain changes.
        out.write("GET /x HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = in.readLine();
        assertEquals("HTTP/1.1 200 OK", status);
        String line;
        while (!(line = in.readLine()).isEmpty()) {
          // headers
        }
        char[] body = new char[2];
        assertEquals(2, in.read(body));
        assertEquals("ok", new String(body));
        answered++;
        ANSWERED.incrementAndGet();
      }
    }
    return answered;
  }
}
