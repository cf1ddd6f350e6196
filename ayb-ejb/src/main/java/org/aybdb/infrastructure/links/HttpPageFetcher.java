package org.aybdb.infrastructure.links;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link PageFetcher} for pages named by users, guarded against server-side request forgery: only
 * {@code https} on port 443, only to public addresses ({@link PublicAddresses}), checked on the
 * addresses the socket actually connects to (Apache HttpClient's {@link DnsResolver} hook, so a DNS
 * answer cannot change between the check and the connection), and again on each redirect, at most
 * three. No proxy from system properties is used. It connects within {@code connectTimeout}, gives
 * up on the whole fetch after {@code totalTimeout}, and reads at most {@code maxBytes} of the body
 * (a longer page is cut there).
 */
public final class HttpPageFetcher implements PageFetcher, AutoCloseable {

  /**
   * Where a fetch may go.
   *
   * @param scheme the only scheme followed
   * @param port the only port connected to
   * @param maxRedirects how many redirects are followed before giving up
   * @param allowed which resolved addresses may be connected to
   */
  public record Rules(String scheme, int port, int maxRedirects, Predicate<InetAddress> allowed) {

    public Rules {
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(allowed, "allowed");
    }

    /** The rules used by the server: https, port 443, 3 redirects, public addresses only. */
    public static Rules internet() {
      return new Rules("https", 443, 3, PublicAddresses::isPublic);
    }
  }

  /** The limits used by the server: 3 s to connect, 5 s in all, 1 MiB of page. */
  public static HttpPageFetcher withDefaultLimits() {
    return new HttpPageFetcher(
        Duration.ofSeconds(3), Duration.ofSeconds(5), 1 << 20, Rules.internet());
  }

  private static final int THREADS = 8;

  private final CloseableHttpClient client;
  private final Rules rules;
  private final Duration totalTimeout;
  private final int maxBytes;
  private final ExecutorService workers;
  private final ScheduledExecutorService deadlines;

  public HttpPageFetcher(
      Duration connectTimeout, Duration totalTimeout, int maxBytes, Rules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.totalTimeout = Objects.requireNonNull(totalTimeout, "totalTimeout");
    this.maxBytes = maxBytes;
    Timeout connect = Timeout.of(Objects.requireNonNull(connectTimeout, "connectTimeout"));
    Timeout total = Timeout.of(totalTimeout);
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new GuardedResolver(rules.allowed()))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(connect)
                            .setSocketTimeout(total)
                            .build())
                    .setMaxConnTotal(THREADS)
                    .setMaxConnPerRoute(2)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(total).setRedirectsEnabled(false).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    this.workers = Executors.newFixedThreadPool(THREADS, HttpPageFetcher::daemon);
    this.deadlines = Executors.newSingleThreadScheduledExecutor(HttpPageFetcher::daemon);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "ayb-page-fetcher");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public CompletableFuture<Optional<String>> fetch(URI uri) {
    Objects.requireNonNull(uri, "uri");
    long deadline = System.nanoTime() + totalTimeout.toNanos();
    return CompletableFuture.supplyAsync(() -> follow(uri, deadline), workers)
        .completeOnTimeout(Optional.empty(), totalTimeout.toMillis() + 500, TimeUnit.MILLISECONDS)
        .exceptionally(failure -> Optional.empty());
  }

  private Optional<String> follow(URI first, long deadline) {
    URI uri = first;
    for (int hop = 0; hop <= rules.maxRedirects(); hop++) {
      if (!permitted(uri)) {
        return Optional.empty();
      }
      Hop result = get(uri, deadline);
      if (result.location().isEmpty()) {
        return result.page();
      }
      uri = result.location().get();
    }
    return Optional.empty();
  }

  /** Whether {@code uri} has the allowed scheme and port, a host, and no user information. */
  boolean permitted(URI uri) {
    if (uri.getScheme() == null
        || !uri.getScheme().toLowerCase(Locale.ROOT).equals(rules.scheme())
        || uri.getHost() == null
        || uri.getRawUserInfo() != null) {
      return false;
    }
    int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
    return port == rules.port();
  }

  private static int defaultPort(String scheme) {
    return scheme.equalsIgnoreCase("https") ? 443 : 80;
  }

  /** One request's outcome: a page, or a redirect's target, or neither. */
  private record Hop(Optional<String> page, Optional<URI> location) {
    static final Hop NOTHING = new Hop(Optional.empty(), Optional.empty());
  }

  private Hop get(URI uri, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      return Hop.NOTHING;
    }
    HttpGet get = new HttpGet(uri);
    get.setHeader("Accept", "text/html, */*;q=0.5");
    ScheduledFuture<?> timeout = deadlines.schedule(get::cancel, remaining, TimeUnit.NANOSECONDS);
    try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
      int status = response.getCode();
      if (status >= 300 && status < 400) {
        Header location = response.getFirstHeader("Location");
        get.cancel();
        return location == null ? Hop.NOTHING : new Hop(Optional.empty(), resolve(uri, location));
      }
      if (status < 200 || status >= 300 || response.getEntity() == null) {
        get.cancel();
        return Hop.NOTHING;
      }
      HttpEntity entity = response.getEntity();
      byte[] bytes;
      try (InputStream body = entity.getContent()) {
        bytes = body.readNBytes(maxBytes);
        // Never drain the rest of a long page: closing the connection is cheaper.
        get.cancel();
      }
      return new Hop(Optional.of(new String(bytes, StandardCharsets.UTF_8)), Optional.empty());
    } catch (IOException | RuntimeException refusedOrFailed) {
      return Hop.NOTHING;
    } finally {
      timeout.cancel(false);
    }
  }

  private static Optional<URI> resolve(URI base, Header location) {
    try {
      return Optional.of(base.resolve(new URI(location.getValue().strip())));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    workers.shutdownNow();
    deadlines.shutdownNow();
    client.close();
  }

  /** Resolves as the system does, then refuses the host if any of its addresses is not allowed. */
  static final class GuardedResolver implements DnsResolver {
    private final Predicate<InetAddress> allowed;

    GuardedResolver(Predicate<InetAddress> allowed) {
      this.allowed = allowed;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
      for (InetAddress address : addresses) {
        if (!allowed.test(address)) {
          throw new UnknownHostException(host + " is not a public address");
        }
      }
      return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      return host;
    }
  }
}
