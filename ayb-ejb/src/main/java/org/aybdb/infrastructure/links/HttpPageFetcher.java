package org.aybdb.infrastructure.links;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * {@link PageFetcher} on {@code java.net.http}: connects within {@code connectTimeout}, gives up on
 * the whole fetch after {@code totalTimeout}, follows redirects (never from https to http), and
 * reads at most {@code maxBytes} of the body (a longer page is cut there).
 */
public final class HttpPageFetcher implements PageFetcher {

  /** The limits used by the server: 3 s to connect, 5 s in all, 1 MiB of page. */
  public static HttpPageFetcher withDefaultLimits() {
    return new HttpPageFetcher(Duration.ofSeconds(3), Duration.ofSeconds(5), 1 << 20);
  }

  private final HttpClient client;
  private final Duration totalTimeout;
  private final int maxBytes;

  public HttpPageFetcher(Duration connectTimeout, Duration totalTimeout, int maxBytes) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.totalTimeout = Objects.requireNonNull(totalTimeout, "totalTimeout");
    this.maxBytes = maxBytes;
  }

  @Override
  public CompletableFuture<Optional<String>> fetch(URI uri) {
    Objects.requireNonNull(uri, "uri");
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(uri)
              .timeout(totalTimeout)
              .header("Accept", "text/html, */*;q=0.5")
              .GET()
              .build();
    } catch (IllegalArgumentException unusable) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    CompletableFuture<HttpResponse<String>> response =
        client.sendAsync(request, info -> new CappedText(maxBytes));
    return response
        .orTimeout(totalTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (answer, failure) -> {
              if (failure != null) {
                response.cancel(true);
                return Optional.<String>empty();
              }
              int status = answer.statusCode();
              return status >= 200 && status < 300
                  ? Optional.ofNullable(answer.body())
                  : Optional.<String>empty();
            });
  }

  /** Collects up to {@code maxBytes} of the body as UTF-8, then stops reading. */
  private static final class CappedText implements BodySubscriber<String> {
    private final int maxBytes;
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private byte[] bytes = new byte[8192];
    private int length;
    private Flow.Subscription subscription;

    CappedText(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<String> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        int take = Math.min(item.remaining(), maxBytes - length);
        if (length + take > bytes.length) {
          bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + take));
        }
        item.get(bytes, length, take);
        length += take;
      }
      if (length >= maxBytes) {
        subscription.cancel();
        complete();
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      complete();
    }

    private void complete() {
      body.complete(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
  }
}
