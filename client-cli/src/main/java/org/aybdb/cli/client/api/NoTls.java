package org.aybdb.cli.client.api;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context for clients that only speak plain HTTP: nothing of it works, and nothing of the
 * JDK's TLS machinery is loaded for it. A redirect to https fails with an SSL error.
 */
final class NoTls extends SSLContextSpi {

  static final SSLContext CONTEXT = new SSLContext(new NoTls(), null, "none") {};

  private NoTls() {}

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("TLS is not set up for a plain HTTP server URL");
  }

  @Override
  protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
      throws KeyManagementException {
    throw new KeyManagementException("TLS is not set up for a plain HTTP server URL");
  }

  @Override
  protected SSLSocketFactory engineGetSocketFactory() {
    throw unsupported();
  }

  @Override
  protected SSLServerSocketFactory engineGetServerSocketFactory() {
    throw unsupported();
  }

  @Override
  protected SSLEngine engineCreateSSLEngine() {
    throw unsupported();
  }

  @Override
  protected SSLEngine engineCreateSSLEngine(String host, int port) {
    throw unsupported();
  }

  @Override
  protected SSLSessionContext engineGetServerSessionContext() {
    throw unsupported();
  }

  @Override
  protected SSLSessionContext engineGetClientSessionContext() {
    throw unsupported();
  }
}
