package org.aybdb.sandbox.client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.aybdb.sandbox.client.DaemonFailureException.Reason;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.protocol.ProtocolException;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Response;

/**
 * One running daemon, seen from the server: spawns it from a launcher command line, sends requests
 * and reads their answers with a deadline, and notices its death. Requests are serialized (one at a
 * time per daemon); this is the "managed connection" the server's pool wraps.
 *
 * <p>Every failure other than an error answer ({@link DaemonQueryException}) kills the process and
 * throws {@link DaemonFailureException}; the instance is then dead for good ({@link #isAlive()}
 * false) and the pool replaces it. A deadline is enforced by killing the process (SIGKILL), which
 * ends the blocked read: a daemon that stops answering costs one request, never a stuck thread.
 */
public final class DaemonProcess implements AutoCloseable {

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "ayb-sandbox-watchdog");
            t.setDaemon(true);
            return t;
          });

  /**
   * How long a wait for an answer spins before it blocks on the pipe, by default (system property
   * {@value #SPIN_PROPERTY}, microseconds; default 0, no spin); {@link #answerSpin} sets it per
   * daemon. A point query's answer comes within tens of microseconds, and on an idle virtual
   * machine waking a blocked thread costs about as much again, so a client that does nothing else
   * while it waits (a benchmark's loop) gains by spinning: 27-38 µs instead of about 77 µs a point
   * query on a 2-core VM. The server does not: over HTTP at 1 client the spin gained nothing,
   * because the spinning thread keeps its core, so the daemon is woken on the other, idle one
   * (about 30 µs until it runs, against under 10 µs on the waiter's own core when that blocks), and
   * at 4 clients it cost a fifth more of the request threads' CPU per query. A wait spins only
   * while few answers are awaited (see {@link #spinForAnswer}), so that spinners never take the
   * cores the daemons need to answer.
   */
  public static final String SPIN_PROPERTY = "ayb.sandbox.answer-spin-micros";

  private static final long DEFAULT_SPIN_NANOS =
      TimeUnit.MICROSECONDS.toNanos(Math.max(0, Long.getLong(SPIN_PROPERTY, 0)));
  private static final int MAX_SPINNERS =
      Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  // Answers awaited right now, by every daemon of this JVM.
  private static final AtomicInteger WAITERS = new AtomicInteger();

  private volatile long spinNanos = DEFAULT_SPIN_NANOS;

  private final Process process;
  private final OutputStream out;
  private final InputStream in;
  private final FrameCodec.Reader reader;
  private final Response.Hello hello;
  private final AtomicLong ids = new AtomicLong();
  private final AtomicBoolean timedOut = new AtomicBoolean();
  private volatile boolean broken;

  // The deadline watchdog. A wait publishes its deadline (System.nanoTime) and clears it when done;
  // one scheduled check per daemon is moved only when a wait's deadline comes before it, and when
  // it fires early (the wait it was armed for is over) it re-arms for the current one. So a request
  // costs two volatile writes instead of scheduling and cancelling a task per frame (cancelled
  // tasks would also pile up in the scheduler's queue until their time came).
  private static final long NO_WAIT = Long.MIN_VALUE;
  private volatile long waitDeadline = NO_WAIT;
  private final Object watchdogLock = new Object();
  private ScheduledFuture<?> watchdog; // guarded by watchdogLock
  private long watchdogAt; // guarded by watchdogLock

  private DaemonProcess(Process process, Duration startTimeout) throws DaemonFailureException {
    this.process = process;
    this.out = new BufferedOutputStream(process.getOutputStream(), 16 << 10);
    // The process's own stream, without another buffer on top: the frame reader asks for exact
    // byte counts, which its 8 KiB buffer serves from one read(2). A larger read asked of it (as
    // a 64 KiB buffer on top did) returns what came and then asks available(), an fstat and an
    // ioctl on the pipe for every answer.
    this.in = process.getInputStream();
    this.reader = FrameCodec.reader(in);
    Response first = awaitResponse(startTimeout, Reason.START_FAILED);
    if (!(first instanceof Response.Hello h)) {
      throw fail(Reason.START_FAILED, "expected HELLO, got " + first, null);
    }
    if (h.protocolVersion() != FrameCodec.PROTOCOL_VERSION) {
      throw fail(Reason.START_FAILED, "daemon speaks protocol " + h.protocolVersion(), null);
    }
    this.hello = h;
  }

  /**
   * Starts a daemon and waits for its HELLO.
   *
   * @param command the launcher command line, from {@code SandboxCommand}
   * @param workDir the working directory (the database's directory)
   * @param stderr where the daemon's diagnostics go (e.g. {@code Redirect.INHERIT} or a log file)
   */
  public static DaemonProcess start(
      List<String> command, Path workDir, ProcessBuilder.Redirect stderr, Duration startTimeout)
      throws DaemonFailureException {
    Process process;
    try {
      process = spawn(command, workDir, stderr);
    } catch (IOException e) {
      throw new DaemonFailureException(
          Reason.START_FAILED, "cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    return new DaemonProcess(process, startTimeout);
  }

  /**
   * Starts a first stage that loads itself and then waits for its assignment ({@code
   * SandboxCommand.prestarted}); {@link #assign} binds it to a database later.
   */
  public static Process prestart(List<String> command, Path workDir, ProcessBuilder.Redirect stderr)
      throws IOException {
    return spawn(command, workDir, stderr);
  }

  /**
   * Gives a pre-started first stage its assignment ({@code SandboxCommand.assignment}: each
   * argument NUL-ended, then an empty one) and waits for the daemon's HELLO.
   */
  public static DaemonProcess assign(
      Process prestarted, List<String> assignment, Duration startTimeout)
      throws DaemonFailureException {
    java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream(4096);
    for (String arg : assignment) {
      if (arg.isEmpty() || arg.indexOf('\0') >= 0) {
        prestarted.destroyForcibly();
        throw new IllegalArgumentException("an assigned argument is empty or holds a NUL byte");
      }
      frame.writeBytes(arg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      frame.write(0);
    }
    frame.write(0);
    try {
      OutputStream in = prestarted.getOutputStream();
      in.write(frame.toByteArray());
      in.flush();
    } catch (IOException e) {
      prestarted.destroyForcibly();
      throw new DaemonFailureException(
          Reason.START_FAILED, "the pre-started first stage is gone: " + e.getMessage(), e);
    }
    return new DaemonProcess(prestarted, startTimeout);
  }

  private static Process spawn(List<String> command, Path workDir, ProcessBuilder.Redirect stderr)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    builder.directory(workDir.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("MALLOC_ARENA_MAX", "1");
    env.put("LANG", "C.UTF-8");
    builder.redirectError(stderr);
    return builder.start();
  }

  /**
   * How long a wait for this daemon's answer spins before it blocks (see {@link #SPIN_PROPERTY});
   * zero turns spinning off.
   */
  public void answerSpin(Duration spin) {
    spinNanos = Math.max(0, Objects.requireNonNull(spin, "spin").toNanos());
  }

  /** What the daemon said when it started (engine version, sandbox status). */
  public Response.Hello hello() {
    return hello;
  }

  /** The process id (of the first stage, which became the daemon by exec). */
  public long pid() {
    return process.pid();
  }

  /** Whether the process runs and no request has failed on it. */
  public boolean isAlive() {
    return !broken && process.isAlive();
  }

  /** Completes when the process exits, for whatever reason (crash detection). */
  public CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** Runs a query; {@code request.id()} is replaced by a fresh id. */
  public synchronized QueryResult query(Request.Query request, Duration timeout)
      throws DaemonQueryException, DaemonFailureException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long id = sendQuery(request, timeout);
    List<String> fields = null;
    List<List<String>> rows = new ArrayList<>();
    while (true) {
      Response r = nextQueryFrame(id, deadline);
      if (r instanceof Response.Columns c) {
        fields = c.names();
      } else if (r instanceof Response.Rows batch) {
        rows.addAll(batch.rows());
      } else if (r instanceof Response.End end) {
        if (fields == null) {
          throw fail(Reason.PROTOCOL, "END without COLUMNS", null);
        }
        return new QueryResult(fields, rows, end.truncation(), end.statements());
      }
    }
  }

  /**
   * Sends a query whose answer the caller then reads frame by frame with {@link #nextQueryFrame}
   * (streaming: only one batch of rows in memory at a time). The caller must read it to its end or
   * {@link #close()} the daemon; nothing else may be sent meanwhile.
   *
   * @return the id the answer frames carry ({@code request.id()} is replaced by a fresh one)
   */
  public synchronized long sendQuery(Request.Query request, Duration timeout)
      throws DaemonFailureException {
    long id = ids.incrementAndGet();
    send(
        new Request.Query(
            id,
            request.sessionId(),
            request.mode(),
            request.timeoutMillis(),
            request.maxRows(),
            request.maxBytes(),
            request.sql(),
            request.maxFileBytes()),
        timeout);
    return id;
  }

  /**
   * Sends a batch whose answer the caller then reads frame by frame with {@link #nextQueryFrame},
   * as {@link #sendQuery}.
   *
   * @return the id the answer frames carry ({@code batch.id()} is replaced by a fresh one)
   */
  public synchronized long sendBatch(Request.Batch batch, Duration timeout)
      throws DaemonFailureException {
    long id = ids.incrementAndGet();
    send(batch.withId(id), timeout);
    return id;
  }

  /**
   * The next frame of query {@code id}: {@link Response.Columns}, {@link Response.Rows} or {@link
   * Response.End} (for a batch also the typed frames and {@link Response.StatementEnd}); an error
   * answer is thrown. Past {@code deadlineNanos} ({@link System#nanoTime}) the daemon is killed: a
   * reader that stalls (a slow HTTP client) cannot hold it longer.
   */
  public Response nextQueryFrame(long id, long deadlineNanos)
      throws DaemonQueryException, DaemonFailureException {
    Response r = awaitResponse(remaining(deadlineNanos), Reason.DIED);
    checkId(r, id);
    if (r instanceof Response.Columns
        || r instanceof Response.Rows
        || r instanceof Response.End
        || r instanceof Response.TypedColumns
        || r instanceof Response.TypedRows
        || r instanceof Response.StatementEnd) {
      return r;
    }
    if (r instanceof Response.Error e) {
      throw new DaemonQueryException(e);
    }
    throw fail(Reason.PROTOCOL, "unexpected answer to a query: " + r, null);
  }

  /** A stateless query with the daemon's default limits. */
  public QueryResult query(QueryMode mode, String sql, Duration timeout)
      throws DaemonQueryException, DaemonFailureException {
    return query(Request.Query.of(0, mode, sql), timeout);
  }

  /** Validation: a round trip through the daemon. */
  public synchronized void ping(Duration timeout) throws DaemonFailureException {
    long id = ids.incrementAndGet();
    send(new Request.Ping(id), timeout);
    Response r = awaitResponse(timeout, Reason.DIED);
    checkId(r, id);
    if (!(r instanceof Response.Pong)) {
      throw fail(Reason.PROTOCOL, "unexpected answer to PING: " + r, null);
    }
  }

  /** {@code VACUUM INTO} a new file below the database's directory (relative path). */
  public synchronized void vacuumInto(String target, int timeoutMillis, Duration timeout)
      throws DaemonQueryException, DaemonFailureException {
    long id = ids.incrementAndGet();
    send(new Request.VacuumInto(id, timeoutMillis, target), timeout);
    Response r = awaitResponse(timeout, Reason.DIED);
    checkId(r, id);
    if (r instanceof Response.Error e) {
      throw new DaemonQueryException(e);
    }
    if (!(r instanceof Response.Ok)) {
      throw fail(Reason.PROTOCOL, "unexpected answer to VACUUM_INTO: " + r, null);
    }
  }

  /**
   * Asks the daemon to exit and waits up to {@code grace} for it; kills it otherwise. Never throws;
   * afterwards the process is gone.
   */
  public synchronized void shutdown(Duration grace) {
    if (process.isAlive() && !broken) {
      try {
        FrameCodec.writeRequest(out, new Request.Shutdown(ids.incrementAndGet()));
        out.close();
        process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (IOException | ProtocolException e) {
        // It is going away anyway.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    close();
  }

  /**
   * Asks the daemon to exit without waiting for it: it is killed if still there after {@code
   * grace}. Never throws; the instance is dead for requests at once.
   */
  public synchronized void shutdownInBackground(Duration grace) {
    if (process.isAlive() && !broken) {
      try {
        FrameCodec.writeRequest(out, new Request.Shutdown(ids.incrementAndGet()));
        out.close();
      } catch (IOException | ProtocolException e) {
        // It is going away anyway.
      }
    }
    broken = true;
    ScheduledFuture<?> kill =
        WATCHDOG.schedule(process::destroyForcibly, grace.toNanos(), TimeUnit.NANOSECONDS);
    process
        .onExit()
        .thenRun(
            () -> {
              kill.cancel(false);
              closeQuietly(out);
              closeQuietly(process.getInputStream());
            });
  }

  /**
   * Whether this client killed the process because an answer did not come within its timeout (the
   * request passed its deadline), as opposed to the process dying on its own.
   */
  public boolean killedAtDeadline() {
    return timedOut.get();
  }

  /** Kills the process (SIGKILL) and waits for it to be gone. Idempotent. */
  @Override
  public void close() {
    broken = true;
    synchronized (watchdogLock) {
      if (watchdog != null) {
        watchdog.cancel(false);
        watchdog = null;
      }
    }
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(out);
    closeQuietly(process.getInputStream());
  }

  private void send(Request request, Duration timeout) throws DaemonFailureException {
    if (broken || !process.isAlive()) {
      throw fail(Reason.DIED, "daemon " + pid() + " is not running" + exitNote(), null);
    }
    startWait(timeout);
    try {
      FrameCodec.writeRequest(out, request);
    } catch (IOException e) {
      throw fail(timedOut.get() ? Reason.TIMEOUT : Reason.DIED, "cannot send to daemon", e);
    } finally {
      waitDeadline = NO_WAIT;
    }
  }

  private Response awaitResponse(Duration timeout, Reason onEof) throws DaemonFailureException {
    startWait(timeout);
    WAITERS.incrementAndGet();
    try {
      spinForAnswer();
      Response r = reader.readResponse();
      if (r == null) {
        throw gone(timeout, onEof, "closed its channel", null);
      }
      return r;
    } catch (IOException e) {
      throw gone(timeout, onEof, "died", e);
    } catch (ProtocolException e) {
      throw fail(Reason.PROTOCOL, "daemon broke the protocol: " + e.getMessage(), e);
    } finally {
      WAITERS.decrementAndGet();
      waitDeadline = NO_WAIT;
    }
  }

  /**
   * Spins (bounded, see {@link #answerSpin}) until answer bytes are there to read, but only while
   * at most half the cores' worth of answers are awaited: with more, the cores are busy anyway (no
   * wake-up to save) and a spinner would take a core a daemon needs.
   */
  private void spinForAnswer() throws IOException {
    long spin = spinNanos;
    if (spin == 0) {
      return;
    }
    long end = System.nanoTime() + spin;
    while (WAITERS.get() <= MAX_SPINNERS && in.available() == 0 && System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
  }

  /** The failure for a channel that ended: the watchdog's kill, or the daemon's own end. */
  private DaemonFailureException gone(Duration timeout, Reason onEof, String what, Throwable e) {
    boolean late = timedOut.get();
    String message =
        (late
                ? "daemon did not answer within " + timeout.toMillis() + " ms"
                : "daemon " + pid() + " " + what)
            + exitNote();
    return fail(late ? Reason.TIMEOUT : onEof, message, e);
  }

  /** Publishes the deadline of a wait starting now; the watchdog kills the process past it. */
  private void startWait(Duration timeout) {
    long deadline = System.nanoTime() + Math.max(1, timeout.toNanos());
    waitDeadline = deadline;
    synchronized (watchdogLock) {
      if (watchdog == null || watchdogAt - deadline > 0) {
        if (watchdog != null) {
          watchdog.cancel(false);
        }
        armWatchdog(deadline);
      }
    }
  }

  private void armWatchdog(long at) {
    watchdogAt = at;
    watchdog = WATCHDOG.schedule(this::watch, at - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /** The watchdog's check: kills the process if the current wait is past its deadline. */
  private void watch() {
    synchronized (watchdogLock) {
      long deadline = waitDeadline;
      if (deadline == NO_WAIT || broken) {
        watchdog = null;
        return;
      }
      if (System.nanoTime() - deadline < 0) {
        armWatchdog(deadline);
        return;
      }
      watchdog = null;
    }
    timedOut.set(true);
    process.destroyForcibly();
  }

  private void checkId(Response r, long id) throws DaemonFailureException {
    if (r.id() != id) {
      throw fail(
          Reason.PROTOCOL, "answer for request " + r.id() + " while waiting for " + id, null);
    }
  }

  private DaemonFailureException fail(Reason reason, String message, Throwable cause) {
    close();
    return new DaemonFailureException(reason, message, cause);
  }

  private String exitNote() {
    try {
      if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
        int code = process.exitValue();
        return code > 128
            ? " (killed by signal " + (code - 128) + ")"
            : " (exit status " + code + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "";
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  /** The id of the last request sent (for logs). */
  public long lastRequestId() {
    return ids.get();
  }
}
