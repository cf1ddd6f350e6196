package org.aybdb.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.aybdb.config.AybConfiguration;

/**
 * The address a request is counted against ({@code [limits]} for anonymous callers): the socket
 * peer, unless the peer is one of {@code [limits] trusted_proxies}, in which case the right-most
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy. Without trusted proxies the
 * header is ignored, so a client cannot choose its own address.
 */
public final class ClientAddresses {

  private ClientAddresses() {}

  /** The client address of {@code request}, through {@code configuration}'s trusted proxies. */
  public static String of(HttpServletRequest request, AybConfiguration configuration) {
    return of(request, configuration.limits().trustedProxies());
  }

  /**
   * The client address of {@code exchange}'s request, as {@link #of(HttpServletRequest,
   * AybConfiguration)}.
   */
  public static String of(HttpExchange exchange, AybConfiguration configuration) {
    return of(exchange, configuration.limits().trustedProxies());
  }

  /** The client address of {@code request}. */
  public static String of(HttpServletRequest request, List<String> trustedProxies) {
    Objects.requireNonNull(request, "request");
    java.util.Enumeration<String> forwardedFor = request.getHeaders("X-Forwarded-For");
    return of(
        request.getRemoteAddr(),
        forwardedFor == null ? null : forwardedFor.asIterator(),
        trustedProxies);
  }

  /** The client address of {@code exchange}'s request. */
  public static String of(HttpExchange exchange, List<String> trustedProxies) {
    Objects.requireNonNull(exchange, "exchange");
    return of(exchange.remoteAddress(), exchange.headers("X-Forwarded-For"), trustedProxies);
  }

  static String of(String peer, Iterator<String> forwardedFor, List<String> trustedProxies) {
    if (peer == null || !trustedProxies.contains(peer) || forwardedFor == null) {
      return String.valueOf(peer);
    }
    // Several headers count as one list, in order; the right-most entries were added last.
    StringBuilder all = new StringBuilder();
    while (forwardedFor.hasNext()) {
      all.append(',').append(forwardedFor.next());
    }
    String[] hops = all.toString().split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
