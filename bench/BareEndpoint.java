package org.aybdb.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The bench's bare JAX-RS endpoints: no filter, no CDI bean, no lookup, a constant JSON body. The
 * query benchmark compiles them into a WAR of their own and deploys it next to ayb on the same
 * Payara Micro, so that it measures what the container costs before ayb adds anything. Never
 * shipped.
 */
@ApplicationPath("/")
public class BareEndpoint extends Application {
  private static final String BODY = "{\"status\":\"ok\"}";

  /** GET /bare. */
  @Path("bare")
  public static class Bare {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
      return BODY;
    }
  }

  /**
   * GET /echo: the bare endpoint plus one round trip through pipes to another process that does
   * nothing but send the bytes back ({@code cat}). It is the floor of any query path that crosses
   * into a separate process per request, as ayb's sandboxed daemons do: what a request costs
   * beyond the bare endpoint here, no daemon can cost less.
   */
  @Path("echo")
  public static class Echo {
    private static final ConcurrentLinkedQueue<Peer> IDLE = new ConcurrentLinkedQueue<>();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
      Peer peer = IDLE.poll();
      if (peer == null) {
        peer = new Peer();
      }
      peer.roundTrip();
      IDLE.offer(peer);
      return BODY;
    }
  }

  /** One {@code cat} process, used by one request at a time. */
  static final class Peer {
    // About the size of a point query's request frame.
    private final byte[] frame = new byte[96];
    private final byte[] back = new byte[96];
    private final OutputStream out;
    private final InputStream in;

    Peer() {
      try {
        Process process = new ProcessBuilder("cat").start();
        out = process.getOutputStream();
        in = process.getInputStream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Arrays.fill(frame, (byte) 'x');
    }

    void roundTrip() {
      try {
        out.write(frame);
        out.flush();
        if (in.readNBytes(back, 0, back.length) != back.length) {
          throw new IOException("cat ended");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
