package org.aybdb.infrastructure.grizzly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;
import org.aybdb.interfaces.rest.HttpExchange;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** A Grizzly request and response as an {@link HttpExchange}. */
final class GrizzlyExchange implements HttpExchange {

  private final Request request;
  private final Response response;
  private final String contextPath;

  GrizzlyExchange(Request request, Response response, String contextPath) {
    this.request = Objects.requireNonNull(request, "request");
    this.response = Objects.requireNonNull(response, "response");
    this.contextPath = Objects.requireNonNull(contextPath, "contextPath");
  }

  @Override
  public String method() {
    return request.getMethod().getMethodString();
  }

  @Override
  public String requestUri() {
    return request.getRequestURI();
  }

  @Override
  public String contextPath() {
    return contextPath;
  }

  @Override
  public Iterator<String> headers(String name) {
    return request.getHeaders(name).iterator();
  }

  @Override
  public String remoteAddress() {
    return request.getRemoteAddr();
  }

  @Override
  public InputStream body() {
    return request.getInputStream();
  }

  @Override
  public int status() {
    return response.getStatus();
  }

  @Override
  public void status(int status) {
    response.setStatus(status);
  }

  @Override
  public void setHeader(String name, String value) {
    response.setHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    response.addHeader(name, value);
  }

  @Override
  public void contentType(String type) {
    response.setContentType(type);
  }

  @Override
  public void contentLength(int length) {
    response.setContentLength(length);
  }

  @Override
  public OutputStream output() throws IOException {
    return response.getOutputStream();
  }

  @Override
  public boolean committed() {
    return response.isCommitted();
  }

  @Override
  public void resetBuffer() {
    response.resetBuffer();
  }
}
