package org.aybdb.interfaces.health.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.aybdb.config.AybConfiguration;

/**
 * Who may see operational details ({@code [management]}): requests from one of the configured
 * addresses (by default only loopback), or with {@code Authorization: Bearer <management token>}. A
 * request a proxy relayed (it carries one of {@link #RELAY_HEADERS}) is its client's, whatever the
 * proxy's address: behind a reverse proxy on the same host every client arrives from loopback, so
 * such requests get in with the token only.
 */
@ApplicationScoped
public class ManagementAccess {

  /** Headers a reverse proxy adds to the requests it relays. */
  private static final List<String> RELAY_HEADERS =
      List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

  @Inject AybConfiguration configuration;

  private final Set<InetAddress> addresses = new HashSet<>();
  private Optional<byte[]> token = Optional.empty();

  @PostConstruct
  void configure() {
    AybConfiguration.Management management = configuration.management();
    for (String address : management.addresses()) {
      parse(address).ifPresent(addresses::add);
    }
    token = management.token().map(text -> text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code request} comes from a management address or carries the management token. */
  public boolean allows(HttpServletRequest request) {
    Objects.requireNonNull(request, "request");
    return allows(
        relayed(request::getHeader) ? null : request.getRemoteAddr(),
        request.getHeader("Authorization"));
  }

  /**
   * Whether a request from {@code remoteAddress} (an IP literal, or null when unknown or relayed)
   * with the {@code Authorization} header {@code authorization} (or null) may see operational
   * details.
   */
  public boolean allows(String remoteAddress, String authorization) {
    if (parse(remoteAddress).filter(addresses::contains).isPresent()) {
      return true;
    }
    if (token.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    byte[] given =
        authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token.get());
  }

  /** Whether a request whose headers {@code header} gives was relayed by a proxy. */
  public static boolean relayed(Function<String, String> header) {
    return RELAY_HEADERS.stream().anyMatch(name -> header.apply(name) != null);
  }

  /** Whether {@code address} is one of {@code [management] addresses}. */
  public boolean isManagementAddress(InetAddress address) {
    return addresses.contains(address);
  }

  private static Optional<InetAddress> parse(String literal) {
    String text = literal == null ? "" : literal.strip();
    // Only literals: a name here must never cause a DNS lookup.
    if (!text.matches("[0-9.]+|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.%a-zA-Z0-9]*\\]?")) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
