package org.aybdb.cli.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process and every process it started. Descendants are recorded while the child runs,
 * because once the child is gone its orphans are re-parented and can no longer be found from it.
 */
final class ProcessTree {

  private final Process process;
  private final Map<Long, ProcessHandle> known = new LinkedHashMap<>();
  private boolean stopped;

  ProcessTree(Process process) {
    this.process = process;
  }

  Process process() {
    return process;
  }

  long pid() {
    return process.pid();
  }

  /** Records the current descendants; call now and then while the child runs. */
  synchronized void refresh() {
    process.descendants().forEach(handle -> known.putIfAbsent(handle.pid(), handle));
  }

  /**
   * Stops the child and its descendants: SIGTERM to the child, up to {@code grace} for it to exit,
   * then SIGKILL; then the same for whatever of its descendants is still alive. Idempotent.
   *
   * @return the child's exit status
   */
  synchronized int stop(Duration grace) {
    if (!stopped) {
      stopped = true;
      refresh();
      process.destroy();
      if (!waitFor(process.toHandle(), grace)) {
        // Descendants first: killing the child first would orphan them.
        known.values().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(process.toHandle(), Duration.ofSeconds(10));
      }
      List<ProcessHandle> left = known.values().stream().filter(ProcessHandle::isAlive).toList();
      left.forEach(ProcessHandle::destroy);
      for (ProcessHandle handle : left) {
        if (!waitFor(handle, Duration.ofSeconds(5))) {
          handle.destroyForcibly();
          waitFor(handle, Duration.ofSeconds(5));
        }
      }
    }
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Stops what is left of the descendants after the child exited on its own. */
  synchronized void stopOrphans() {
    List<ProcessHandle> left = known.values().stream().filter(ProcessHandle::isAlive).toList();
    left.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : left) {
      if (!waitFor(handle, Duration.ofSeconds(5))) {
        handle.destroyForcibly();
      }
    }
  }

  private static boolean waitFor(ProcessHandle handle, Duration timeout) {
    CompletableFuture<ProcessHandle> exit = handle.onExit();
    try {
      exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !handle.isAlive();
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }
}
