package org.aybdb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.aybdb.sandbox.launcher.SandboxCommand;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.launcher.SandboxLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A probe program run through the very first stage that starts daemons tries to get out: files
 * outside its folder, another database's folder, the root directory, TCP and UDP to listeners this
 * test opened on 127.0.0.1, a unix socket this test created outside the folder, and exec. The same
 * probe without the sandbox is the control: it shows that every attempt would succeed. A first
 * stage started ahead of need, in a folder of its own, and told its database's folder only later,
 * is held just as tightly.
 */
class SandboxEscapeProbeIT {

  private Path own;
  private Path otherDb;
  private Path outside;
  private ServerSocket tcp;
  private DatagramSocket udp;
  private ServerSocketChannel unix;
  private Path unixPath;
  private final AtomicInteger tcpAccepted = new AtomicInteger();
  private final AtomicInteger udpReceived = new AtomicInteger();
  private final AtomicInteger unixAccepted = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();

  @BeforeEach
  void listeners() throws IOException {
    own = Sandboxes.newDir("probe");
    Files.writeString(own.resolve("mine.txt"), "mine");
    otherDb = Sandboxes.newDir("other-db");
    Files.writeString(otherDb.resolve("db.sqlite"), "another tenant's data");
    outside = Sandboxes.newDir("outside");
    tcp = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    udp.setSoTimeout(200);
    // Unix socket paths are limited to 108 bytes: keep this one short.
    unixPath = Files.createTempDirectory("ayb-probe").resolve("s");
    unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    unix.bind(UnixDomainSocketAddress.of(unixPath));
    background(
        () -> {
          while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
              tcpAccepted.incrementAndGet();
            } catch (IOException e) {
              return;
            }
          }
        });
    background(
        () -> {
          byte[] buf = new byte[64];
          while (!udp.isClosed()) {
            try {
              udp.receive(new DatagramPacket(buf, buf.length));
              udpReceived.incrementAndGet();
            } catch (SocketTimeoutException e) {
              // poll again
            } catch (IOException e) {
              return;
            }
          }
        });
    background(
        () -> {
          while (unix.isOpen()) {
            try (SocketChannel c = unix.accept()) {
              unixAccepted.incrementAndGet();
            } catch (IOException e) {
              return;
            }
          }
        });
  }

  private void background(Runnable r) {
    Thread t = new Thread(r, "probe-listener");
    t.setDaemon(true);
    t.start();
    threads.add(t);
  }

  @AfterEach
  void close() throws Exception {
    tcp.close();
    udp.close();
    unix.close();
    Files.deleteIfExists(unixPath);
    for (Thread t : threads) {
      t.join(2000);
    }
  }

  private List<String> attempts() {
    return List.of(
        "read:" + own.resolve("mine.txt"),
        "read:/etc/passwd",
        "read:" + otherDb.resolve("db.sqlite"),
        "write:" + outside.resolve("escaped.txt"),
        "list:/",
        "tcp:127.0.0.1:" + tcp.getLocalPort(),
        "udp:127.0.0.1:" + udp.getLocalPort(),
        "unix:" + unixPath,
        "exec:/bin/true");
  }

  /** Runs the probe through the first stage; returns attempt → outcome. */
  private Map<String, String> probe(SandboxConfig config) throws Exception {
    return probe(config, false);
  }

  /**
   * @param prestarted start the first stage first, in another folder, and give it the part of its
   *     command that names the folder (and the program) on stdin afterwards, as the server's pool
   *     of pre-started first stages does
   */
  private Map<String, String> probe(SandboxConfig config, boolean prestarted) throws Exception {
    List<String> cmd =
        SandboxCommand.program(
            config,
            Sandboxes.runtime(),
            own,
            List.of(Path.of(System.getProperty("sandbox.test.classes"))),
            SandboxProbe.class.getName(),
            attempts());
    Process p;
    if (prestarted) {
      int end = cmd.indexOf("--");
      List<String> early = new ArrayList<>();
      List<String> late = new ArrayList<>();
      for (String arg : cmd.subList(0, end)) {
        (arg.startsWith("--rw=") || arg.startsWith("--env=") ? late : early).add(arg);
      }
      early.add(SandboxLauncher.AWAIT_ASSIGNMENT);
      late.add("--chdir=" + own);
      late.addAll(cmd.subList(end, cmd.size()));
      assertFalse(String.join(" ", early).contains(own.toString()), "nothing names the folder");
      p =
          new ProcessBuilder(early)
              .directory(Sandboxes.newDir("neutral").toFile())
              .redirectErrorStream(true)
              .start();
      Thread.sleep(500); // it loads itself and waits
      assertTrue(p.isAlive(), "a pre-started first stage waits for its assignment");
      var in = p.getOutputStream();
      for (String arg : late) {
        in.write(arg.getBytes(StandardCharsets.UTF_8));
        in.write(0);
      }
      in.write(0);
      in.flush();
    } else {
      p = new ProcessBuilder(cmd).directory(own.toFile()).redirectErrorStream(true).start();
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("PROBE ")) {
        String rest = line.substring(6);
        int space = rest.indexOf(' ');
        outcomes.put(rest.substring(0, space), rest.substring(space + 1));
      }
    }
    assertEquals(attempts(), new ArrayList<>(outcomes.keySet()), output);
    outcomes.forEach((k, v) -> System.out.println(config.sandboxed() + " " + k + " -> " + v));
    Thread.sleep(300); // let the listeners count what arrived
    return outcomes;
  }

  @Test
  void insideTheSandboxNothingButItsOwnFolderIsReachable() throws Exception {
    assertOnlyItsOwnFolder(probe(SandboxConfig.defaults()));
  }

  @Test
  void aFirstStageStartedAheadOfNeedAndBoundLaterIsHeldJustAsTightly() throws Exception {
    assertOnlyItsOwnFolder(probe(SandboxConfig.defaults(), true));
  }

  private void assertOnlyItsOwnFolder(Map<String, String> outcomes) {
    List<String> attempts = attempts();
    assertEquals("ALLOWED", outcomes.get(attempts.get(0)), "its own folder is readable");
    for (String attempt : attempts.subList(1, attempts.size())) {
      assertTrue(
          outcomes.get(attempt).startsWith("DENIED"), attempt + " -> " + outcomes.get(attempt));
    }
    assertFalse(Files.exists(outside.resolve("escaped.txt")));
    assertEquals(0, tcpAccepted.get(), "TCP connections that reached the listener");
    assertEquals(0, udpReceived.get(), "UDP datagrams that reached the listener");
    assertEquals(0, unixAccepted.get(), "unix socket connections that reached the listener");
  }

  @Test
  void withoutTheSandboxTheSameProbeGetsEverywhere() throws Exception {
    Map<String, String> outcomes = probe(SandboxConfig.builder().sandboxed(false).build());
    for (String attempt : attempts()) {
      assertEquals("ALLOWED", outcomes.get(attempt), attempt);
    }
    assertTrue(Files.exists(outside.resolve("escaped.txt")));
    assertEquals(1, tcpAccepted.get());
    assertEquals(1, udpReceived.get());
    assertEquals(1, unixAccepted.get());
  }
}
