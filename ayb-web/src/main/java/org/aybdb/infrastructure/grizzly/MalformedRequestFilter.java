package org.aybdb.infrastructure.grizzly;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;

/**
 * A Grizzly filter placed just before Payara's request handler: refuses a malformed request (see
 * {@link RequestCheck}) with ayb's JSON error body and closes the connection, logging one line at
 * FINE; passes every other request on untouched.
 */
public final class MalformedRequestFilter extends BaseFilter {

  private static final Logger LOG = Logger.getLogger(MalformedRequestFilter.class.getName());

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (Retirement.retired()) {
      return ctx.getInvokeAction();
    }
    if (!(ctx.getMessage() instanceof HttpContent content)) {
      return ctx.getInvokeAction();
    }
    HttpHeader header = content.getHttpHeader();
    if (!(header instanceof HttpRequestPacket request)) {
      return ctx.getInvokeAction();
    }
    List<String> hosts = new ArrayList<>();
    request.getHeaders().values(Header.Host).forEach(hosts::add);
    Optional<RequestCheck.Refusal> refusal =
        RequestCheck.check(
            request.getMethod().getMethodString(),
            request.getRequestURI(),
            request.getQueryString(),
            hosts);
    if (refusal.isEmpty()) {
      return ctx.getInvokeAction();
    }
    refuse(ctx, request, refusal.get());
    return ctx.getStopAction();
  }

  private static void refuse(
      FilterChainContext ctx, HttpRequestPacket request, RequestCheck.Refusal refusal) {
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("Refused a malformed request (" + refusal.status() + "): " + refusal.message());
    }
    ErrorAnswers.write(
        ctx,
        request,
        refusal.status(),
        ErrorAnswers.body(refusal.message()),
        refusal.allow() == null ? Map.of() : Map.of("Allow", refusal.allow()));
  }
}
