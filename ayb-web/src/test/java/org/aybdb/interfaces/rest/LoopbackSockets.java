package org.aybdb.interfaces.rest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Connections to a test server on 127.0.0.1 from a chosen loopback source address. The servers
 * count loopback (127.0.0.1) as a management address; a client from 127.0.0.2 is a stranger.
 */
public final class LoopbackSockets {

  /** The source address of a client that is no management client. */
  public static final String STRANGER = "127.0.0.2";

  private LoopbackSockets() {}

  /** A connection to 127.0.0.1:{@code port} from {@code source}, closed again if it fails. */
  public static Socket connect(String source, int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }
}
