package org.aybdb.infrastructure.links;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Fetches web pages for link verification. */
public interface PageFetcher {

  /**
   * GETs {@code uri}.
   *
   * @return the page's text if it answered with a 2xx status in time, else empty; never fails
   */
  CompletableFuture<Optional<String>> fetch(URI uri);
}
