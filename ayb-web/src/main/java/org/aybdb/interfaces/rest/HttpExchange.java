package org.aybdb.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One HTTP request and its answer, as an endpoint served outside JAX-RS sees them. The query
 * endpoint answers through it from a servlet filter ({@link ServletExchange}) and, on Payara,
 * straight from the HTTP listener: one implementation of its rules for both.
 */
public interface HttpExchange extends HttpRequestHead {

  /** The socket peer's address. */
  String remoteAddress();

  /** The request body. */
  InputStream body() throws IOException;

  /** The answer's status so far. */
  int status();

  void status(int status);

  void setHeader(String name, String value);

  void addHeader(String name, String value);

  void contentType(String type);

  void contentLength(int length);

  /** The answer's body; without a length set, the answer is streamed (chunked). */
  OutputStream output() throws IOException;

  /** Whether the status and headers have been sent. */
  boolean committed();

  /** Drops what the body holds that has not been sent yet. */
  void resetBuffer();
}
