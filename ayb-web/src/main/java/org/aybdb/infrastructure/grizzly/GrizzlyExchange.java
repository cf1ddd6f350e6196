package org.aybdb.infrastructure.grizzly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;
import org.aybdb.interfaces.rest.HttpExchange;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * A Grizzly request and response as an {@link HttpExchange}; its head is read as {@link QueryRoute}
 * reads it to decide that the request is the endpoint's ({@link QueryRoute.Head}).
 */
final class GrizzlyExchange implements HttpExchange {

  private final Request request;
  private final Response response;
  private final QueryRoute.Head head;

  GrizzlyExchange(Request request, Response response, String contextPath) {
    this.request = Objects.requireNonNull(request, "request");
    this.response = Objects.requireNonNull(response, "response");
    this.head = new QueryRoute.Head(request.getRequest(), contextPath);
  }

  @Override
  public String method() {
    return head.method();
  }

  @Override
  public String requestUri() {
    return head.requestUri();
  }

  @Override
  public String contextPath() {
    return head.contextPath();
  }

  @Override
  public Iterator<String> headers(String name) {
    return head.headers(name);
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
    StatusLines.set(response, status);
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
