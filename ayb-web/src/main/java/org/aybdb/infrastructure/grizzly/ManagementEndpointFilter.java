package org.aybdb.infrastructure.grizzly;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.aybdb.interfaces.health.rest.ManagementAccess;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;

/**
 * A Grizzly filter just before Payara's request handler that keeps Payara Micro's own endpoints
 * ({@code /metrics}, and {@code /openapi/...} below ayb's own public {@code /openapi}: served by
 * servlets Payara adds, which no application filter is sure to see) for the management rule: others
 * get 403 with ayb's JSON body, whatever the method (so a stranger learns nothing from the method's
 * answer). A management client that writes to them, which only read, gets 405 with the methods
 * allowed.
 */
public final class ManagementEndpointFilter extends BaseFilter {

  private static final Logger LOG = Logger.getLogger(ManagementEndpointFilter.class.getName());

  /** Paths Payara Micro serves itself; they only read. {@code /openapi} itself is ayb's. */
  static final Pattern PAYARA_ENDPOINTS = Pattern.compile("/metrics(/.*)?|/openapi/.*");

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private static final String ALLOW = "GET, HEAD, OPTIONS";

  private final BiPredicate<String, String> allowed;
  private final byte[] refusal =
      ErrorAnswers.body(
          "This endpoint is only for the server's management addresses or its management token");

  /**
   * @param allowed whether a request from an address (an IP literal) with an {@code Authorization}
   *     header (or null) may see operational details
   */
  public ManagementEndpointFilter(BiPredicate<String, String> allowed) {
    this.allowed = Objects.requireNonNull(allowed, "allowed");
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !(content.getHttpHeader() instanceof HttpRequestPacket request)
        || !PAYARA_ENDPOINTS.matcher(mappedPath(request.getRequestURI())).matches()) {
      return ctx.getInvokeAction();
    }
    if (Retirement.retired()) {
      // Left in an old connection's chain by an undeploy: this guard can no longer ask the
      // application, and must not let the request through unguarded. The client reconnects and
      // meets the current deployment's guard.
      ctx.getConnection().closeSilently();
      return ctx.getStopAction();
    }
    String address =
        ctx.getConnection().getPeerAddress() instanceof InetSocketAddress peer
                && peer.getAddress() != null
            ? peer.getAddress().getHostAddress()
            : null;
    // A request a proxy relayed came from its client, not from the proxy's address.
    boolean relayed = ManagementAccess.relayed(request::getHeader);
    if (allowed.test(relayed ? null : address, request.getHeader(Header.Authorization))) {
      String method = request.getMethod().getMethodString();
      if (!READ_METHODS.contains(method)) {
        ErrorAnswers.write(
            ctx,
            request,
            405,
            ErrorAnswers.body(
                "Method "
                    + method
                    + " is not allowed for "
                    + request.getRequestURI()
                    + "; allowed: "
                    + ALLOW),
            Map.of("Allow", ALLOW));
        return ctx.getStopAction();
      }
      return ctx.getInvokeAction();
    }
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("Refused " + request.getRequestURI() + " to a non-management client");
    }
    ErrorAnswers.write(ctx, request, 403, refusal, Map.of());
    return ctx.getStopAction();
  }

  /**
   * The path as the container maps it: percent-decoded, with runs of slashes as one ({@code
   * //metrics} and {@code /%6Detrics} reach {@code /metrics}). The edge has already refused
   * malformed escapes, encoded slashes and dot segments.
   */
  static String mappedPath(String uri) {
    if (uri.indexOf('%') < 0 && !uri.contains("//")) {
      return uri; // the common case, without copying
    }
    byte[] decoded = RequestCheck.percentDecode(uri);
    String path = decoded == null ? uri : new String(decoded, StandardCharsets.UTF_8);
    StringBuilder mapped = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '/' || mapped.length() == 0 || mapped.charAt(mapped.length() - 1) != '/') {
        mapped.append(c);
      }
    }
    return mapped.toString();
  }
}
