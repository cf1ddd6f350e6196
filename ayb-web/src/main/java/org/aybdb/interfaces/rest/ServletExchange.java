package org.aybdb.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Objects;

/** A servlet request and response as an {@link HttpExchange}. */
public final class ServletExchange implements HttpExchange {

  private final HttpServletRequest request;
  private final HttpServletResponse response;

  public ServletExchange(HttpServletRequest request, HttpServletResponse response) {
    this.request = Objects.requireNonNull(request, "request");
    this.response = Objects.requireNonNull(response, "response");
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String requestUri() {
    return request.getRequestURI();
  }

  @Override
  public String contextPath() {
    return request.getContextPath();
  }

  @Override
  public Iterator<String> headers(String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? Collections.emptyIterator() : values.asIterator();
  }

  @Override
  public String remoteAddress() {
    return request.getRemoteAddr();
  }

  @Override
  public InputStream body() throws IOException {
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
