package org.aybdb.application.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A caller's way to stop its running query from another thread: the engine registers what stops the
 * query (killing its daemon) and {@link #cancel} runs it, at once if the query runs, or as soon as
 * it starts. A query that has ended unregisters first, so a late cancel touches nothing.
 */
public final class Cancellation {

  private static final Runnable NOTHING = () -> {};

  private final AtomicReference<Runnable> stop = new AtomicReference<>(NOTHING);
  private volatile boolean cancelled;

  /** A cancellation that nobody ever asks for. */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Asks the query to stop; idempotent. */
  public void cancel() {
    cancelled = true;
    stop.getAndSet(NOTHING).run();
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** The engine's stop for the query now running; run at once when cancelled already. */
  public void onCancel(Runnable action) {
    stop.set(java.util.Objects.requireNonNull(action, "action"));
    if (cancelled) {
      stop.getAndSet(NOTHING).run();
    }
  }

  /** The query ended: a later cancel stops nothing. */
  public void clear() {
    stop.set(NOTHING);
  }
}
