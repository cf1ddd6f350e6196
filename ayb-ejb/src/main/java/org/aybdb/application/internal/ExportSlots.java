package org.aybdb.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ClientAddress;
import org.aybdb.config.AybConfiguration;

/**
 * Places for export copies ({@code [limits] concurrent_exports}, {@code
 * concurrent_exports_per_client}). An export's copy stays on the data volume until its download
 * ends, however slowly the client reads, so the query admission (held only while the copy is made)
 * does not bound them: without these places one client with many connections, or many clients,
 * could fill the volume with copies of a public database.
 */
@ApplicationScoped
public class ExportSlots {

  /** What a refused caller is told to wait: downloads take seconds to minutes. */
  static final Duration RETRY = Duration.ofSeconds(5);

  /**
   * A place not given back after this long is taken back: a download whose answer was never written
   * (so never ended) must not keep exports refused until the server restarts.
   */
  static final Duration LONGEST_HOLD = Duration.ofHours(6);

  @Inject AybConfiguration configuration;

  private int total;
  private int perClient;
  private LongSupplier clock = System::nanoTime;
  private long nextId; // guarded by this
  private final Map<Long, Held> held = new LinkedHashMap<>(); // guarded by this; oldest first

  private record Held(String client, long takenAt) {}

  @PostConstruct
  void configure() {
    configure(
        configuration.limits().concurrentExports(),
        configuration.limits().concurrentExportsPerClient());
  }

  /** Sets the limits ({@code 0}: none) before first use. */
  void configure(int total, int perClient) {
    this.total = total;
    this.perClient = perClient;
  }

  /** The clock places are timed with (tests). */
  void clock(LongSupplier nanos) {
    this.clock = Objects.requireNonNull(nanos, "nanos");
  }

  /**
   * Takes a place for one export of {@code caller} (or, without one, of {@code clientAddress}).
   *
   * @return what gives it back (once, however often it is run)
   * @throws AybException 429 with Retry-After when the server or the client has none left
   */
  public Runnable take(Optional<Caller> caller, String clientAddress) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(clientAddress, "clientAddress");
    String client = ClientAddress.callerKey(caller, clientAddress);
    long id;
    synchronized (this) {
      long now = clock.getAsLong();
      held.values().removeIf(place -> now - place.takenAt() > LONGEST_HOLD.toNanos());
      long mine = held.values().stream().filter(place -> place.client().equals(client)).count();
      if (perClient > 0 && mine >= perClient) {
        throw AybException.tooManyRequests(
            "Too many exports of yours are under way (at most "
                + perClient
                + ", [limits] concurrent_exports_per_client); finish a download first",
            RETRY);
      }
      if (total > 0 && held.size() >= total) {
        throw AybException.tooManyRequests(
            "Too many exports are under way on this server (at most "
                + total
                + ", [limits] concurrent_exports); try again shortly",
            RETRY);
      }
      id = nextId++;
      held.put(id, new Held(client, now));
    }
    return () -> giveBack(id);
  }

  private synchronized void giveBack(long id) {
    held.remove(id);
  }
}
