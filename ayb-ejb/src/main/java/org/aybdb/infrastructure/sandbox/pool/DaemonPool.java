package org.aybdb.infrastructure.sandbox.pool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.infrastructure.sandbox.pool.PoolListener.Retirement;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonQueryException;

/**
 * The connection manager: hands each request a daemon of its database, at most one request per
 * daemon at a time, different databases in parallel.
 *
 * <ul>
 *   <li>A database's writes (and any request not marked read-only) go through its first daemon, one
 *       after another. Its read-only requests may also run on up to {@link
 *       PoolSettings#readersPerDatabase()} - 1 more daemons of their own (SQLite in WAL mode lets
 *       readers in other processes run beside the writer, each on a consistent snapshot). A read
 *       takes a free daemon of its database, the extra ones first (the first daemon stays free for
 *       writes); when all are busy, it starts another only if the pool has room without evicting
 *       anything, else it waits for one. Each daemon serves one request at a time, so a deadline, a
 *       cancel or a crash still kills exactly one request's daemon.
 *   <li>At most {@link PoolSettings#maxDaemons()} daemons serve or start at once. To start another,
 *       the least recently used idle daemon is retired; when all are busy the request waits for one
 *       to become idle. A daemon retired to make room exits in the background (it is killed after
 *       {@link PoolSettings#retireGrace()}) and no longer counts.
 *   <li>New daemons come from the factory, which keeps a few first stages started ahead of need.
 *       Closing the pool closes the factory.
 *   <li>A daemon unused for {@link PoolSettings#validateAfterIdle()} is pinged before use; one
 *       unused for {@link PoolSettings#idleTimeout()} is retired by a periodic sweep.
 *   <li>A daemon that exits on its own (crash, kill -9) is noticed through its exit and replaced by
 *       the next request: a dead daemon costs at most the request in flight. One killed because its
 *       request passed the client deadline is retired ({@link Retirement#DEADLINE}), not counted as
 *       a crash. Repeated crashes of one database back off ({@link CrashBackoff}): until the wait
 *       is over, its requests are refused as unavailable with the time left, and no daemon starts.
 *   <li>A daemon whose database now points at another file (a restore or import switched {@code
 *       current}) is retired before use; {@link #quiesced} does the same explicitly.
 *   <li>{@link #close()} retires every daemon and waits for each process to be gone. Daemons also
 *       exit when their stdin closes, so a server that dies takes them along.
 * </ul>
 */
public final class DaemonPool implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DaemonPool.class.getName());

  /** Work done with a database's daemon while the pool holds that database for the caller. */
  @FunctionalInterface
  public interface DaemonWork<T> {
    T run(ManagedDaemon daemon) throws DaemonQueryException, DaemonFailureException;
  }

  /**
   * One daemon's place in the pool: its lock (one request at a time) and its daemon, if any. Lane 0
   * of a database is its writer (keyed by the database itself); lanes 1.. serve reads only.
   */
  private static final class Slot {
    final String key;
    final String database;
    final int lane;
    final ReentrantLock lock = new ReentrantLock(true);
    volatile ManagedDaemon daemon;
    // Set (under lock) when the slot left the map; whoever locks it afterwards must look again.
    boolean removed;

    Slot(String key, String database, int lane) {
      this.key = key;
      this.database = database;
      this.lane = lane;
    }
  }

  /** The map key of {@code database}'s lane (its first one is the database's name itself). */
  private static String key(String database, int lane) {
    return lane == 0 ? database : database + "\0reader " + lane;
  }

  /** How long a read waits on one busy lane before it looks at the others again. */
  private static final long LANE_WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final ManagedDaemonFactory factory;
  private final PoolSettings settings;
  private final PoolListener listener;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
  private final Set<ManagedDaemon> all = ConcurrentHashMap.newKeySet();
  private final ReentrantLock capacityLock = new ReentrantLock();
  private final Condition capacityFreed = capacityLock.newCondition();
  private int reserved; // guarded by capacityLock: processes alive or starting
  private volatile boolean closed;
  private final ScheduledFuture<?> sweeper;
  private final CrashBackoff crashBackoff;

  /**
   * @param scheduler runs the idle sweep (a container's managed executor, or a plain one); null for
   *     none (idle daemons are then retired only to make room)
   */
  public DaemonPool(
      ManagedDaemonFactory factory,
      PoolSettings settings,
      PoolListener listener,
      ScheduledExecutorService scheduler) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.crashBackoff =
        new CrashBackoff(settings.crashBackoffInitial(), settings.crashBackoffMax());
    if (scheduler != null) {
      long period =
          Math.max(
              200,
              Math.min(settings.idleTimeout().toMillis() / 2, Duration.ofSeconds(30).toMillis()));
      this.sweeper =
          scheduler.scheduleWithFixedDelay(
              this::sweepSafely, period, period, TimeUnit.MILLISECONDS);
    } else {
      this.sweeper = null;
    }
  }

  /** The settings this pool runs with. */
  public PoolSettings settings() {
    return settings;
  }

  /** The factory that makes this pool's daemons. */
  public ManagedDaemonFactory factory() {
    return factory;
  }

  /** Daemon processes alive or starting now. */
  public int liveDaemons() {
    capacityLock.lock();
    try {
      return reserved;
    } finally {
      capacityLock.unlock();
    }
  }

  /** The process id of {@code database}'s daemon, if it has a live one (for tests and status). */
  public Optional<Long> daemonPid(String database) {
    Slot slot = slots.get(database);
    ManagedDaemon daemon = slot == null ? null : slot.daemon;
    return daemon != null && daemon.isAlive() ? Optional.of(daemon.pid()) : Optional.empty();
  }

  /** What {@code database}'s live daemon said about its sandbox when it started, if it has one. */
  public Optional<String> sandboxStatus(String database) {
    Slot slot = slots.get(database);
    ManagedDaemon daemon = slot == null ? null : slot.daemon;
    return daemon != null && daemon.isAlive()
        ? Optional.of(daemon.sandboxStatus())
        : Optional.empty();
  }

  /** Databases whose daemons crashed recently enough to count towards a backoff. */
  public int crashingDatabases() {
    return crashBackoff.tracked();
  }

  /** Process ids of every daemon the pool has started and not yet seen exit. */
  public List<Long> pids() {
    return all.stream().map(ManagedDaemon::pid).toList();
  }

  /**
   * Runs {@code work} with the daemon of {@code database}, starting one if needed for the file
   * {@code file} names now. Requests to one database run one after another.
   *
   * @throws DaemonFailureException the daemon died or stopped answering during {@code work}; it has
   *     been dropped and the next request gets a new one
   * @throws PoolUnavailableException nothing ran: closed, waited too long, or the daemon could not
   *     be started (the message says which)
   */
  public <T> T withDaemon(String database, Supplier<Path> file, DaemonWork<T> work)
      throws DaemonQueryException, DaemonFailureException, PoolUnavailableException {
    long deadline = System.nanoTime() + settings.acquireTimeout().toNanos();
    Slot slot = lock(database, 0, deadline);
    try {
      ManagedDaemon daemon = daemonFor(slot, file.get(), deadline);
      try {
        return work.run(daemon);
      } catch (DaemonFailureException e) {
        // DaemonProcess has killed it; the exit callback gives its place back.
        slot.daemon = null;
        all.remove(daemon);
        throw e;
      } finally {
        daemon.touch();
      }
    } finally {
      slot.lock.unlock();
      signalCapacity();
    }
  }

  /**
   * {@code database}'s daemon held for one request until {@link #close()}: for work that spans
   * several calls on the request's thread (a result streamed to a client). Close it on the thread
   * that took it.
   */
  public final class Lease implements AutoCloseable {
    private final Slot slot;
    private final ManagedDaemon daemon;
    private boolean closed;

    private Lease(Slot slot, ManagedDaemon daemon) {
      this.slot = slot;
      this.daemon = daemon;
    }

    /** The daemon, for this request alone. */
    public ManagedDaemon daemon() {
      return daemon;
    }

    /**
     * The daemon failed, or its answer was abandoned half-read (the client went away): it is killed
     * and the next request gets a new one.
     */
    public void dropDaemon(boolean abandoned) {
      if (abandoned && daemon.markRetiring()) {
        listener.retired(slot.database, daemon.pid(), Retirement.INVALID);
      }
      daemon.kill();
      if (slot.daemon == daemon) {
        slot.daemon = null;
      }
      all.remove(daemon);
    }

    /**
     * Stops the request on the daemon from another thread (its caller cancelled it): the daemon is
     * retired and killed, so its reader fails at once; nothing once the lease is given back (the
     * daemon may serve another request by then).
     */
    public synchronized void cancel() {
      if (closed) {
        return;
      }
      if (daemon.markRetiring()) {
        listener.retired(slot.database, daemon.pid(), Retirement.CANCELLED);
      }
      daemon.kill();
    }

    /** Gives the database back. Idempotent. */
    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      daemon.touch();
      slot.lock.unlock();
      signalCapacity();
    }
  }

  /**
   * Takes {@code database}'s daemon (starting one if needed) until the lease is closed, waiting at
   * most {@code wait} for the database (requests to it run one at a time) and for a free daemon.
   *
   * @throws PoolUnavailableException nothing was taken: closed, waited too long, or the daemon
   *     could not be started
   */
  public Lease lease(String database, Supplier<Path> file, Duration wait)
      throws PoolUnavailableException {
    return lease(database, file, wait, false);
  }

  /**
   * As {@link #lease(String, Supplier, Duration)}; a {@code readOnly} request (one that cannot
   * change the database, of an engine whose file several processes may read at once) may get one of
   * the database's extra reader daemons instead of its first one.
   */
  public Lease lease(String database, Supplier<Path> file, Duration wait, boolean readOnly)
      throws PoolUnavailableException {
    long deadline = System.nanoTime() + wait.toNanos();
    Slot slot =
        readOnly && settings.readersPerDatabase() > 1
            ? lockReader(database, deadline)
            : lock(database, 0, deadline);
    try {
      return new Lease(slot, daemonFor(slot, file.get(), deadline));
    } catch (PoolUnavailableException | RuntimeException e) {
      slot.lock.unlock();
      signalCapacity();
      throw e;
    }
  }

  /**
   * Runs {@code action} while no request runs on {@code database} and none starts (new ones wait),
   * then retires its daemon so that the next request opens whatever file is current then.
   */
  public <T> T quiesced(String database, Supplier<T> action) throws PoolUnavailableException {
    long deadline = System.nanoTime() + settings.acquireTimeout().toNanos();
    // Every lane, in order (a request holds one lane at a time, so this cannot deadlock).
    List<Slot> held = new ArrayList<>();
    try {
      for (int lane = 0; lane < settings.readersPerDatabase(); lane++) {
        held.add(lock(database, lane, deadline));
      }
    } catch (PoolUnavailableException | RuntimeException e) {
      // Not quiesced: the action does not run, and no daemon is retired for it.
      unlockAll(held);
      throw e;
    }
    try {
      return action.get();
    } finally {
      try {
        for (Slot slot : held) {
          retire(slot, Retirement.SWITCHED);
          if (slot.lock.getHoldCount() == 1) {
            removeSlot(slot);
          }
        }
      } finally {
        unlockAll(held);
      }
    }
  }

  /** Unlocks the lanes {@code held}, last taken first, and tells waiters about freed room. */
  private void unlockAll(List<Slot> held) {
    for (int i = held.size() - 1; i >= 0; i--) {
      held.get(i).lock.unlock();
    }
    signalCapacity();
  }

  /** Retires {@code database}'s daemon (waiting for a request running on it). */
  public void retire(String database) throws PoolUnavailableException {
    quiesced(database, () -> null);
  }

  /** Retires every daemon unused for longer than the idle timeout. */
  public void sweep() {
    for (Slot slot : slots.values()) {
      ManagedDaemon daemon = slot.daemon;
      boolean idle = daemon != null && daemon.idle().compareTo(settings.idleTimeout()) >= 0;
      boolean dead = daemon != null && !daemon.isAlive();
      if ((daemon == null || idle || dead) && slot.lock.tryLock()) {
        try {
          if (slot.removed || slot.daemon != daemon) {
            continue;
          }
          if (dead) {
            dropDead(slot);
          } else if (idle) {
            retire(slot, Retirement.IDLE);
          }
          if (slot.lock.getHoldCount() == 1) {
            removeSlot(slot);
          }
        } finally {
          slot.lock.unlock();
          signalCapacity();
        }
      }
    }
  }

  private void sweepSafely() {
    try {
      if (!closed) {
        sweep();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Idle sweep of the query daemon pool failed", e);
    }
  }

  /** Retires every daemon and waits for every process to be gone; further requests fail. */
  @Override
  public void close() {
    closed = true;
    if (sweeper != null) {
      sweeper.cancel(false);
    }
    factory.close();
    signalCapacity();
    for (Slot slot : slots.values()) {
      if (slot.lock.tryLock()) {
        try {
          retire(slot, Retirement.SHUTDOWN);
        } finally {
          slot.lock.unlock();
        }
      }
    }
    // Busy ones (and any that raced with the loop above) are killed mid-request.
    for (ManagedDaemon daemon : List.copyOf(all)) {
      if (daemon.markRetiring()) {
        listener.retired(daemon.database(), daemon.pid(), Retirement.SHUTDOWN);
      }
      daemon.kill();
      release(daemon);
      all.remove(daemon);
    }
  }

  // --- internals ---------------------------------------------------------------------------

  /**
   * Locks a lane of {@code database} for a read-only request: a free one whose daemon runs (the
   * extra readers first), else a new reader lane if the pool has room, else the first that frees
   * up, waiting until {@code deadline}.
   */
  private Slot lockReader(String database, long deadline) throws PoolUnavailableException {
    Objects.requireNonNull(database, "database");
    int lanes = settings.readersPerDatabase();
    int turn = 0;
    while (true) {
      checkOpen();
      for (int i = 1; i <= lanes; i++) {
        Slot slot = slots.get(key(database, i % lanes));
        if (slot != null && slot.daemon != null && tryLockNow(slot)) {
          return slot;
        }
      }
      Slot first = slots.get(database);
      if (first == null || first.daemon == null) {
        // A database without a daemon starts its first one: extra readers are for busy ones. Wait
        // for it in slices, so that the reads queued behind the start spread over reader lanes
        // once its daemon runs.
        Slot zero = slots.computeIfAbsent(key(database, 0), k -> new Slot(k, database, 0));
        if (tryLockFor(zero, deadline, database)) {
          return zero;
        }
        continue;
      }
      // A database in crash backoff starts no extra reader: its reads wait for a running daemon.
      if (hasRoom() && crashBackoff.remaining(database).isZero()) {
        for (int lane = 1; lane < lanes; lane++) {
          String key = key(database, lane);
          int l = lane;
          Slot slot = slots.computeIfAbsent(key, k -> new Slot(k, database, l));
          if (slot.daemon == null && tryLockNow(slot)) {
            return slot;
          }
        }
      }
      // Wait a moment on one busy lane (in turn), then look at all of them again.
      Slot slot = slots.get(key(database, Math.floorMod(turn++, lanes)));
      if (slot == null || slot.daemon == null) {
        if (remaining(deadline) <= 0) {
          throw busy(database);
        }
        continue;
      }
      if (tryLockFor(slot, deadline, database)) {
        return slot;
      }
    }
  }

  /**
   * Waits one slice (at most until {@code deadline}) for {@code slot}; whether it is now held and
   * still in the pool.
   */
  private static boolean tryLockFor(Slot slot, long deadline, String database)
      throws PoolUnavailableException {
    long left = remaining(deadline);
    if (left <= 0) {
      throw busy(database);
    }
    try {
      if (!slot.lock.tryLock(Math.min(left, LANE_WAIT_SLICE_NANOS), TimeUnit.NANOSECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PoolUnavailableException("Interrupted while waiting for database " + database);
    }
    if (slot.removed) {
      slot.lock.unlock();
      return false;
    }
    return true;
  }

  /**
   * Locks {@code slot} if it is free, still in the pool and nobody queues for it (the lock is fair:
   * a writer or a quiesce waiting for a lane goes first).
   */
  private static boolean tryLockNow(Slot slot) {
    if (slot.lock.hasQueuedThreads() || !slot.lock.tryLock()) {
      return false;
    }
    if (slot.removed) {
      slot.lock.unlock();
      return false;
    }
    return true;
  }

  /** Whether a daemon can start now without waiting or evicting another. */
  private boolean hasRoom() {
    capacityLock.lock();
    try {
      return reserved < settings.maxDaemons();
    } finally {
      capacityLock.unlock();
    }
  }

  private static PoolUnavailableException busy(String database) {
    return new PoolUnavailableException(
        "Database "
            + database
            + " is busy: the requests before this one did not finish in time; try again"
            + " later");
  }

  /** Locks lane {@code lane} of {@code database} (creating it), waiting until {@code deadline}. */
  private Slot lock(String database, int lane, long deadline) throws PoolUnavailableException {
    Objects.requireNonNull(database, "database");
    String key = key(database, lane);
    while (true) {
      checkOpen();
      Slot slot = slots.computeIfAbsent(key, k -> new Slot(k, database, lane));
      boolean locked;
      try {
        locked = slot.lock.tryLock(remaining(deadline), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PoolUnavailableException("Interrupted while waiting for database " + database);
      }
      if (!locked) {
        throw busy(database);
      }
      if (!slot.removed) {
        return slot;
      }
      slot.lock.unlock();
    }
  }

  /** The slot's daemon if it can serve {@code file}, else a new one. Holds the slot's lock. */
  private ManagedDaemon daemonFor(Slot slot, Path file, long deadline)
      throws PoolUnavailableException {
    ManagedDaemon daemon = slot.daemon;
    if (daemon != null && !daemon.isAlive()) {
      dropDead(slot);
      daemon = null;
    }
    if (daemon != null && !daemon.file().equals(file)) {
      retire(slot, Retirement.SWITCHED);
      daemon = null;
    }
    if (daemon != null && daemon.idle().compareTo(settings.validateAfterIdle()) >= 0) {
      try {
        daemon.ping(settings.validationTimeout());
      } catch (DaemonFailureException e) {
        LOG.warning(daemon + " failed validation (" + e.getMessage() + "); starting a new one");
        if (daemon.markRetiring()) {
          listener.retired(slot.database, daemon.pid(), Retirement.INVALID);
        }
        release(daemon);
        all.remove(daemon);
        slot.daemon = null;
        daemon = null;
      }
    }
    if (daemon == null) {
      daemon = spawn(slot, file, deadline);
    }
    return daemon;
  }

  private ManagedDaemon spawn(Slot slot, Path file, long deadline) throws PoolUnavailableException {
    Duration wait = crashBackoff.remaining(slot.database);
    if (!wait.isZero()) {
      listener.backedOff(slot.database, wait);
      throw new PoolUnavailableException(
          "The query daemon for "
              + slot.database
              + " crashed repeatedly; it starts again in "
              + Math.max(1, (wait.toMillis() + 999) / 1000)
              + " s",
          wait);
    }
    reserve(slot, deadline);
    long started = System.nanoTime();
    ManagedDaemon daemon;
    try {
      daemon = factory.create(slot.database, file);
    } catch (DaemonFailureException | RuntimeException e) {
      unreserve();
      listener.spawnFailed(slot.database, e.getMessage());
      LOG.warning("Cannot start a query daemon for " + slot.database + ": " + e.getMessage());
      throw new PoolUnavailableException(
          "The query daemon for " + slot.database + " could not be started: " + e.getMessage());
    }
    all.add(daemon);
    daemon
        .process()
        .onExit()
        .thenRun(
            () -> {
              all.remove(daemon);
              if (daemon.process().killedAtDeadline() && daemon.markRetiring()) {
                // The request outran its deadline and was stopped: a retirement, never a crash,
                // or two slow queries would lock the database's owner out.
                LOG.info(daemon + " was stopped: its request passed the client deadline");
                listener.retired(daemon.database(), daemon.pid(), Retirement.DEADLINE);
              } else if (!daemon.isRetiring()) {
                String detail = exitDetail(daemon);
                Duration backoff = crashBackoff.crashed(daemon.database());
                LOG.warning(
                    daemon
                        + " exited unexpectedly ("
                        + detail
                        + ")"
                        + (backoff.isZero()
                            ? ""
                            : "; it crashed repeatedly, so no daemon starts for it for "
                                + backoff.toMillis()
                                + " ms"));
                listener.crashed(daemon.database(), daemon.pid(), detail);
              }
              release(daemon);
            });
    listener.spawned(slot.database, daemon.pid(), Duration.ofNanos(System.nanoTime() - started));
    if (closed) {
      daemon.markRetiring();
      daemon.kill();
      release(daemon);
      throw new PoolUnavailableException("The query engine is shutting down");
    }
    slot.daemon = daemon;
    return daemon;
  }

  private static String exitDetail(ManagedDaemon daemon) {
    try {
      int code = daemon.process().onExit().join().exitValue();
      return code > 128 ? "killed by signal " + (code - 128) : "exit status " + code;
    } catch (RuntimeException e) {
      return "exited";
    }
  }

  /**
   * Takes a place under the bound for a new daemon, retiring the least recently used idle daemon of
   * another database when the pool is full, or waiting for one to become idle.
   */
  private void reserve(Slot requester, long deadline) throws PoolUnavailableException {
    while (true) {
      Slot victim = null;
      capacityLock.lock();
      try {
        checkOpen();
        if (reserved < settings.maxDaemons()) {
          reserved++;
          return;
        }
        victim = lockLeastRecentlyUsedIdle(requester);
        if (victim == null) {
          long left = remaining(deadline);
          if (left <= 0) {
            throw new PoolUnavailableException(
                "All "
                    + settings.maxDaemons()
                    + " query daemons are busy; try again later (the limit is [sandbox]"
                    + " max_daemons)");
          }
          try {
            capacityFreed.awaitNanos(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolUnavailableException("Interrupted while waiting for a query daemon");
          }
          continue;
        }
      } finally {
        capacityLock.unlock();
      }
      // Retire outside the capacity lock, then loop to take its place. It exits in the background:
      // its place is given back when it is told to go, so a miss never waits for an old JVM's exit.
      try {
        retireInBackground(victim);
        removeSlot(victim);
      } finally {
        victim.lock.unlock();
      }
    }
  }

  /** The idle slot (not the requester's) whose daemon was used least recently, locked; or null. */
  private Slot lockLeastRecentlyUsedIdle(Slot requester) {
    List<Slot> candidates = new ArrayList<>();
    for (Slot slot : slots.values()) {
      if (slot != requester && slot.daemon != null && !slot.lock.isLocked()) {
        candidates.add(slot);
      }
    }
    candidates.sort(
        (a, b) -> {
          ManagedDaemon da = a.daemon;
          ManagedDaemon db = b.daemon;
          long ta = da == null ? Long.MAX_VALUE : da.lastUsedNanos();
          long tb = db == null ? Long.MAX_VALUE : db.lastUsedNanos();
          return Long.compare(ta - tb, 0);
        });
    for (Slot slot : candidates) {
      if (slot.lock.tryLock()) {
        if (!slot.removed && slot.daemon != null) {
          return slot;
        }
        slot.lock.unlock();
      }
    }
    return null;
  }

  /** Retires the slot's daemon, if any, and waits for its process to be gone. Holds the lock. */
  private void retire(Slot slot, Retirement why) {
    ManagedDaemon daemon = slot.daemon;
    if (daemon == null) {
      return;
    }
    slot.daemon = null;
    if (daemon.markRetiring()) {
      listener.retired(slot.database, daemon.pid(), why);
    }
    daemon.shutdown(settings.retireGrace());
    all.remove(daemon);
    release(daemon);
  }

  /**
   * Retires the slot's daemon to make room: it is told to exit (and killed after the retire grace)
   * and its place under the bound is given back at once. Holds the lock.
   */
  private void retireInBackground(Slot slot) {
    ManagedDaemon daemon = slot.daemon;
    if (daemon == null) {
      return;
    }
    slot.daemon = null;
    if (daemon.markRetiring()) {
      listener.retired(slot.database, daemon.pid(), Retirement.LRU);
    }
    daemon.shutdownInBackground(settings.retireGrace());
    release(daemon); // still in `all` until it exits, so close() can kill it
  }

  /** Forgets a daemon that exited on its own (its exit callback has reported it). */
  private void dropDead(Slot slot) {
    ManagedDaemon daemon = slot.daemon;
    slot.daemon = null;
    if (daemon != null) {
      daemon.kill(); // reaps it, closes the pipes; it is dead already
      all.remove(daemon);
      release(daemon);
    }
  }

  private void removeSlot(Slot slot) {
    if (slot.daemon == null && !slot.removed) {
      slot.removed = true;
      slots.remove(slot.key, slot);
    }
  }

  /** Gives a daemon's place back (once), waking requests that wait for one. */
  private void release(ManagedDaemon daemon) {
    if (daemon.markReleased()) {
      unreserve();
    }
  }

  private void unreserve() {
    capacityLock.lock();
    try {
      reserved--;
      capacityFreed.signalAll();
    } finally {
      capacityLock.unlock();
    }
  }

  private void signalCapacity() {
    capacityLock.lock();
    try {
      capacityFreed.signalAll();
    } finally {
      capacityLock.unlock();
    }
  }

  private void checkOpen() throws PoolUnavailableException {
    if (closed) {
      throw new PoolUnavailableException("The query engine is shutting down");
    }
  }

  private static long remaining(long deadline) {
    return deadline - System.nanoTime();
  }

  /** For status output: database → pid of each live daemon. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new java.util.TreeMap<>();
    for (Slot slot : slots.values()) {
      ManagedDaemon daemon = slot.daemon;
      if (daemon != null && daemon.isAlive()) {
        out.put(slot.lane == 0 ? slot.database : slot.key.replace('\0', ' '), daemon.pid());
      }
    }
    return out;
  }
}
