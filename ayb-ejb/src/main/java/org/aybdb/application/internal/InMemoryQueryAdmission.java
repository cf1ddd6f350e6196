package org.aybdb.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ClientAddress;
import org.aybdb.application.QueryAdmission;
import org.aybdb.application.port.RateLimits;
import org.aybdb.application.port.RateLimits.RateLimiter;
import org.aybdb.config.AybConfiguration;

/**
 * {@link QueryAdmission} with in-memory counters (one server; nothing survives a restart, which a
 * limit per minute does not need). Concurrency is checked first, then the rate, so a query refused
 * for concurrency does not use up the caller's rate.
 */
@ApplicationScoped
public class InMemoryQueryAdmission implements QueryAdmission {

  /** What a caller refused for concurrency is told to wait: running queries end within seconds. */
  static final Duration CONCURRENCY_RETRY = Duration.ofSeconds(1);

  @Inject AybConfiguration configuration;
  @Inject RateLimits rateLimits;

  private AybConfiguration.Limits limits;
  private RateLimiter entityRate;
  private RateLimiter addressRate;
  private final Map<String, Integer> running = new HashMap<>(); // guarded by this

  @PostConstruct
  void configure() {
    limits = configuration.limits();
    Duration minute = Duration.ofMinutes(1);
    entityRate = rateLimits.limiter(limits.queriesPerMinute(), minute);
    addressRate = rateLimits.limiter(limits.anonymousQueriesPerMinute(), minute);
  }

  @Override
  public Ticket admit(Optional<Caller> caller, String clientAddress, String database) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(database, "database");
    Map<String, Integer> places = new HashMap<>();
    String key = ClientAddress.callerKey(caller, clientAddress);
    RateLimiter rate;
    if (caller.isPresent()) {
      rate = entityRate;
      places.put(key, limits.concurrentQueries());
    } else {
      rate = addressRate;
      places.put(key, limits.anonymousConcurrentQueries());
      places.put("anonymous-on:" + database, limits.anonymousQueriesPerDatabase());
    }
    String full = take(places);
    if (full != null) {
      throw AybException.tooManyRequests(
          full.startsWith("anonymous-on:")
              ? "Too many anonymous queries are running on this database; try again shortly"
                  + " or use a token"
              : "Too many queries of yours are running at once (at most "
                  + places.get(full)
                  + "); wait for one to finish",
          CONCURRENCY_RETRY);
    }
    Ticket ticket = new Place(List.copyOf(places.keySet()));
    Optional<Duration> wait = rate.tryAcquire(List.of(key));
    if (wait.isPresent()) {
      ticket.close();
      throw AybException.tooManyRequests(
          "Too many queries: at most "
              + (caller.isPresent()
                  ? limits.queriesPerMinute() + " per minute for an entity"
                  : limits.anonymousQueriesPerMinute() + " per minute without a token")
              + "; try again in "
              + Math.max(1, (wait.get().toMillis() + 999) / 1000)
              + " s",
          wait.get());
    }
    return ticket;
  }

  /** Takes one place under each key's limit (0 = none), all or nothing; the key that was full. */
  private synchronized String take(Map<String, Integer> places) {
    for (Map.Entry<String, Integer> place : places.entrySet()) {
      int limit = place.getValue();
      if (limit > 0 && running.getOrDefault(place.getKey(), 0) >= limit) {
        return place.getKey();
      }
    }
    places.keySet().forEach(k -> running.merge(k, 1, Integer::sum));
    return null;
  }

  private synchronized void give(Iterable<String> keys) {
    // Entries at zero are removed, so the map holds only requesters with queries in flight.
    keys.forEach(k -> running.computeIfPresent(k, (key, n) -> n > 1 ? n - 1 : null));
  }

  private final class Place implements Ticket {
    private final List<String> keys;
    private boolean closed;

    Place(List<String> keys) {
      this.keys = keys;
    }

    @Override
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
      }
      give(keys);
    }
  }
}
