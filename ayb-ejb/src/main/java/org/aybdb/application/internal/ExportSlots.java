package org.aybdb.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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

  @Inject AybConfiguration configuration;

  private int total;
  private int perClient;
  private int taken; // guarded by this
  private final Map<String, Integer> takenBy = new HashMap<>(); // guarded by this

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

  /**
   * Takes a place for one export of {@code caller} (or, without one, of {@code clientAddress}).
   *
   * @return what gives it back (once, however often it is run)
   * @throws AybException 429 with Retry-After when the server or the client has none left
   */
  public Runnable take(Optional<Caller> caller, String clientAddress) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(clientAddress, "clientAddress");
    String client =
        caller
            .map(c -> "entity:" + c.entityId())
            .orElseGet(() -> "address:" + ClientAddress.keyOf(clientAddress));
    synchronized (this) {
      int mine = takenBy.getOrDefault(client, 0);
      if (perClient > 0 && mine >= perClient) {
        throw AybException.tooManyRequests(
            "Too many exports of yours are under way (at most "
                + perClient
                + ", [limits] concurrent_exports_per_client); finish a download first",
            RETRY);
      }
      if (total > 0 && taken >= total) {
        throw AybException.tooManyRequests(
            "Too many exports are under way on this server (at most "
                + total
                + ", [limits] concurrent_exports); try again shortly",
            RETRY);
      }
      taken++;
      takenBy.put(client, mine + 1);
    }
    AtomicBoolean given = new AtomicBoolean();
    return () -> {
      if (given.compareAndSet(false, true)) {
        giveBack(client);
      }
    };
  }

  private synchronized void giveBack(String client) {
    taken--;
    takenBy.computeIfPresent(client, (key, count) -> count > 1 ? count - 1 : null);
  }
}
