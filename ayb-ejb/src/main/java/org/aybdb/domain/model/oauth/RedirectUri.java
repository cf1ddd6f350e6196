package org.aybdb.domain.model.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where an OAuth authorization answer is sent back to: an absolute URL parsed as one (not matched
 * by prefix), {@code https} on any host, {@code http} only on the loopback hosts {@code localhost},
 * {@code 127.0.0.1} and {@code [::1]} (for development), without a fragment or user information.
 * {@code http://localhost.evil.example} and {@code http://localhost@evil.example} are refused.
 */
public final class RedirectUri {

  /** Why a redirect URI is refused, as the authorize page says it. */
  public static final String PROBLEM =
      "redirect_uri must use https:// (or http://localhost for development)";

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final String text;

  private RedirectUri(String text) {
    this.text = text;
  }

  /** The redirect URI, or empty when it is not one we send codes to. */
  public static Optional<RedirectUri> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 2048) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException malformed) {
      return Optional.empty();
    }
    if (!uri.isAbsolute()
        || uri.isOpaque()
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null
        || uri.getHost() == null) {
      return Optional.empty();
    }
    String scheme = uri.getScheme();
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    boolean loopbackHttp = scheme.equals("http") && LOOPBACK.contains(host);
    return https || loopbackHttp ? Optional.of(new RedirectUri(text)) : Optional.empty();
  }

  /** The URI exactly as the app sent it (codes are bound to this text). */
  public String text() {
    return text;
  }

  /**
   * This URI with parameters added to its query ({@code ?} or {@code &}), values percent-encoded,
   * in the map's order; null values are left out.
   */
  public String with(Map<String, String> parameters) {
    Objects.requireNonNull(parameters, "parameters");
    StringBuilder result = new StringBuilder(text);
    boolean hasQuery = text.indexOf('?') >= 0;
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (parameter.getValue() == null) {
        continue;
      }
      result.append(hasQuery ? '&' : '?');
      hasQuery = true;
      result
          .append(parameter.getKey())
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
    }
    return result.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedirectUri uri && uri.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
