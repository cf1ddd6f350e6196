package org.aybdb.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run inside the sandbox's first stage by the ITs: tries each access named on the command line and
 * prints one line per try, {@code PROBE <name> ALLOWED} or {@code PROBE <name> DENIED <why>}.
 * Arguments: {@code read:PATH}, {@code write:PATH}, {@code list:DIR}, {@code tcp:HOST:PORT}, {@code
 * udp:HOST:PORT}, {@code unix:PATH}, {@code exec:PATH}.
 */
public final class SandboxProbe {

  private SandboxProbe() {}

  public static void main(String[] args) {
    for (String arg : args) {
      int colon = arg.indexOf(':');
      String kind = arg.substring(0, colon);
      String target = arg.substring(colon + 1);
      String outcome;
      try {
        attempt(kind, target);
        outcome = "ALLOWED";
      } catch (IOException | RuntimeException e) {
        outcome = "DENIED " + e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      System.out.println("PROBE " + arg + " " + outcome);
    }
    System.out.flush();
  }

  private static void attempt(String kind, String target) throws IOException {
    switch (kind) {
      case "read" -> Files.readAllBytes(Path.of(target));
      case "write" -> Files.writeString(Path.of(target), "escaped");
      case "list" -> {
        try (var list = Files.list(Path.of(target))) {
          list.count();
        }
      }
      case "tcp" -> {
        int colon = target.lastIndexOf(':');
        try (Socket s = new Socket()) {
          s.connect(
              new InetSocketAddress(
                  target.substring(0, colon), Integer.parseInt(target.substring(colon + 1))),
              2000);
          s.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
        }
      }
      case "udp" -> {
        int colon = target.lastIndexOf(':');
        try (DatagramChannel c = DatagramChannel.open()) {
          c.send(
              ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)),
              new InetSocketAddress(
                  target.substring(0, colon), Integer.parseInt(target.substring(colon + 1))));
        }
      }
      case "unix" -> {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(target))) {
          c.finishConnect(); // connecting is the escape; the listener counts it
        }
      }
      case "exec" -> {
        try {
          int status = new ProcessBuilder(target).start().waitFor();
          if (status != 0) {
            throw new IOException("exit status " + status);
          }
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
      default -> throw new IllegalArgumentException("unknown probe " + kind);
    }
  }
}
