package org.aybdb.infrastructure.links;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aybdb.application.port.LinkVerification;
import org.aybdb.domain.model.account.ProfileLink;

/**
 * Verifies profile links as ayb does: a link is verified when it is https and its page contains an
 * {@code <a>} whose {@code href} is exactly the entity's profile URL and whose {@code rel} lists
 * {@code me} (any letter case, any quoting). Pages are fetched concurrently; a page that cannot be
 * fetched only leaves its link unverified.
 */
@ApplicationScoped
public class ProfileLinkVerifier implements LinkVerification {

  private static final Pattern ANCHOR =
      Pattern.compile("<a(?=[\\s/>])([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

  private final PageFetcher fetcher;

  public ProfileLinkVerifier() {
    this(HttpPageFetcher.withDefaultLimits());
  }

  public ProfileLinkVerifier(PageFetcher fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  /** Stops the fetcher's threads and connections when the application stops. */
  @PreDestroy
  void close() {
    if (fetcher instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Shutting down: nothing more to do.
      }
    }
  }

  /**
   * Verifies each of {@code urls} (already checked to be absolute URLs), in order, keeping each
   * URL's text as given.
   *
   * @param profileUrl {@code <public_base_url>/<entity>}, the link the pages must contain
   */
  @Override
  public List<ProfileLink> verify(List<String> urls, String profileUrl) {
    Objects.requireNonNull(profileUrl, "profileUrl");
    List<CompletableFuture<Boolean>> checks = new ArrayList<>();
    for (String url : urls) {
      Optional<URI> https = https(url);
      if (https.isPresent()) {
        checks.add(
            fetcher
                .fetch(https.get())
                .thenApply(page -> page.map(html -> linksBack(html, profileUrl)).orElse(false))
                .exceptionally(failure -> false));
      } else {
        checks.add(CompletableFuture.completedFuture(false));
      }
    }
    List<ProfileLink> links = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      links.add(new ProfileLink(urls.get(i), checks.get(i).join()));
    }
    return links;
  }

  private static Optional<URI> https(String url) {
    try {
      URI uri = new URI(url);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
          ? Optional.of(uri)
          : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code html} has an {@code <a rel="me" href="profileUrl">}. */
  static boolean linksBack(String html, String profileUrl) {
    Matcher anchor = ANCHOR.matcher(html);
    while (anchor.find()) {
      Optional<String> href = Optional.empty();
      boolean relMe = false;
      Matcher attribute = ATTRIBUTE.matcher(anchor.group(1));
      while (attribute.find()) {
        String name = attribute.group(1).toLowerCase(Locale.ROOT);
        String value =
            unescape(firstNonNull(attribute.group(2), attribute.group(3), attribute.group(4)));
        if (name.equals("href") && href.isEmpty()) {
          href = Optional.of(value);
        } else if (name.equals("rel")) {
          for (String token : value.strip().split("\\s+")) {
            relMe |= token.equalsIgnoreCase("me");
          }
        }
      }
      if (relMe && href.filter(profileUrl::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return "";
  }

  // The character references that can appear in a URL attribute.
  private static String unescape(String value) {
    return value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
