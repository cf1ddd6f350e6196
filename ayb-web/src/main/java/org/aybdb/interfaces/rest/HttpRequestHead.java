package org.aybdb.interfaces.rest;

import java.util.Iterator;

/**
 * What an endpoint served outside JAX-RS reads to decide whether a request is its own: the request
 * line and the headers, available before the body.
 */
public interface HttpRequestHead {

  /** The request method, e.g. {@code POST}. */
  String method();

  /** The request's path as sent (not decoded), without the query string. */
  String requestUri();

  /** The path the application is deployed under: empty for the root. */
  String contextPath();

  /** Every value of a request header, in the order sent; none when it is absent. */
  Iterator<String> headers(String name);
}
