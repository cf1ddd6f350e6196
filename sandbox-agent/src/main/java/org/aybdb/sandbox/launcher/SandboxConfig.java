package org.aybdb.sandbox.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.aybdb.sandbox.daemon.DaemonOptions;

/**
 * Everything configurable about a daemon's sandbox and limits (the server reads these from {@code
 * ayb.toml}). Build with {@link #builder()}; every value has a default.
 *
 * @param sandboxed false only when unsandboxed mode is configured explicitly: no Landlock, seccomp,
 *     namespace or capability drop (rlimits still apply)
 * @param network whether the daemon gets a private network namespace
 * @param minLandlockAbi refuse to start a sandboxed daemon on an older Landlock (3 = first ABI that
 *     also handles truncate)
 * @param dataLimitBytes RLIMIT_DATA (the JVM cannot live under a 64 MiB RLIMIT_AS; this works)
 * @param fileSizeLimitBytes RLIMIT_FSIZE: no file (database, WAL, journal, temp file, VACUUM INTO
 *     target) may grow past it
 * @param openFilesLimit RLIMIT_NOFILE (at least 12)
 * @param processLimit RLIMIT_NPROC (0 = unchanged). Counted per user (per user namespace), not per
 *     process, and not enforced for root: set it above what the server's own user runs
 * @param daemonHeap the daemon's {@code -Xmx}, e.g. {@code 16m}
 * @param maxSqlBytes the largest SQL text accepted
 * @param maxValueLength SQLITE_LIMIT_LENGTH: the largest string or blob SQLite will build
 * @param defaultTimeoutMillis per-query time limit when a request gives none
 * @param defaultMaxRows row cap when a request gives none
 * @param defaultMaxBytes result text cap when a request gives none (keep well under the heap)
 * @param extraReadOnlyPaths more paths the daemon may read (rarely needed)
 * @param maxNestingKeywords SQL with more SELECT and TRIGGER keywords is refused
 * @param maxViewsAndTriggers no view or trigger is added to a database holding this many
 * @param requestStackBytes the native stack of the daemon's request thread
 * @param duckdbMemoryBytes DuckDB's {@code memory_limit} in a DuckDB database's daemon, whose
 *     RLIMIT_DATA is {@code dataLimitBytes} plus this much plus {@link #DUCKDB_OVERHEAD_BYTES}
 */
public record SandboxConfig(
    boolean sandboxed,
    NetworkIsolation network,
    int minLandlockAbi,
    long dataLimitBytes,
    long fileSizeLimitBytes,
    int openFilesLimit,
    int processLimit,
    String daemonHeap,
    int maxSqlBytes,
    int maxValueLength,
    int defaultTimeoutMillis,
    int defaultMaxRows,
    int defaultMaxBytes,
    List<Path> extraReadOnlyPaths,
    int maxNestingKeywords,
    int maxViewsAndTriggers,
    long requestStackBytes,
    long duckdbMemoryBytes) {

  /**
   * What DuckDB allocates beside its buffer pool (catalog, allocator caches, the JDBC glue), added
   * to a DuckDB daemon's RLIMIT_DATA on top of {@code memory_limit}.
   */
  public static final long DUCKDB_OVERHEAD_BYTES = 64L << 20;

  /** RLIMIT_DATA of a DuckDB database's daemon. */
  public long duckdbDataLimitBytes() {
    return dataLimitBytes + duckdbMemoryBytes + DUCKDB_OVERHEAD_BYTES;
  }

  /** Whether the daemon gets its own network namespace. */
  public enum NetworkIsolation {
    /** Use one where the system allows it; the status says when it could not. */
    AUTO,
    /** Refuse to start without one. */
    REQUIRED,
    /** Do not try (seccomp still denies every socket). */
    OFF
  }

  public SandboxConfig {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(daemonHeap, "daemonHeap");
    extraReadOnlyPaths = List.copyOf(extraReadOnlyPaths);
    if (openFilesLimit != 0 && openFilesLimit < 12) {
      throw new IllegalArgumentException("openFilesLimit must be at least 12");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All defaults. */
  public static SandboxConfig defaults() {
    return builder().build();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.sandboxed = sandboxed;
    b.network = network;
    b.minLandlockAbi = minLandlockAbi;
    b.dataLimitBytes = dataLimitBytes;
    b.fileSizeLimitBytes = fileSizeLimitBytes;
    b.openFilesLimit = openFilesLimit;
    b.processLimit = processLimit;
    b.daemonHeap = daemonHeap;
    b.maxSqlBytes = maxSqlBytes;
    b.maxValueLength = maxValueLength;
    b.defaultTimeoutMillis = defaultTimeoutMillis;
    b.defaultMaxRows = defaultMaxRows;
    b.defaultMaxBytes = defaultMaxBytes;
    b.extraReadOnlyPaths = extraReadOnlyPaths;
    b.maxNestingKeywords = maxNestingKeywords;
    b.maxViewsAndTriggers = maxViewsAndTriggers;
    b.requestStackBytes = requestStackBytes;
    b.duckdbMemoryBytes = duckdbMemoryBytes;
    return b;
  }

  /** Fluent builder; see the record's parameters. */
  public static final class Builder {
    private boolean sandboxed = true;
    private NetworkIsolation network = NetworkIsolation.AUTO;
    private int minLandlockAbi = 3;
    private long dataLimitBytes = 64L << 20;
    private long fileSizeLimitBytes = 256L << 20;
    private int openFilesLimit = 32;
    private int processLimit = 0;
    private String daemonHeap = "16m";
    private int maxSqlBytes = 1 << 20;
    private int maxValueLength = 8 << 20;
    private int defaultTimeoutMillis = 10_000;
    private int defaultMaxRows = 100_000;
    private int defaultMaxBytes = 4 << 20;
    private List<Path> extraReadOnlyPaths = List.of();
    private int maxNestingKeywords = DaemonOptions.DEFAULT_MAX_NESTING_KEYWORDS;
    private int maxViewsAndTriggers = DaemonOptions.DEFAULT_MAX_VIEWS_AND_TRIGGERS;
    private long requestStackBytes = DaemonOptions.DEFAULT_REQUEST_STACK_BYTES;
    private long duckdbMemoryBytes = DaemonOptions.DEFAULT_DUCKDB_MEMORY_BYTES;

    public Builder sandboxed(boolean v) {
      sandboxed = v;
      return this;
    }

    public Builder network(NetworkIsolation v) {
      network = v;
      return this;
    }

    public Builder minLandlockAbi(int v) {
      minLandlockAbi = v;
      return this;
    }

    public Builder dataLimitBytes(long v) {
      dataLimitBytes = v;
      return this;
    }

    public Builder fileSizeLimitBytes(long v) {
      fileSizeLimitBytes = v;
      return this;
    }

    public Builder openFilesLimit(int v) {
      openFilesLimit = v;
      return this;
    }

    public Builder processLimit(int v) {
      processLimit = v;
      return this;
    }

    public Builder daemonHeap(String v) {
      daemonHeap = v;
      return this;
    }

    public Builder maxSqlBytes(int v) {
      maxSqlBytes = v;
      return this;
    }

    public Builder maxValueLength(int v) {
      maxValueLength = v;
      return this;
    }

    public Builder defaultTimeoutMillis(int v) {
      defaultTimeoutMillis = v;
      return this;
    }

    public Builder defaultMaxRows(int v) {
      defaultMaxRows = v;
      return this;
    }

    public Builder defaultMaxBytes(int v) {
      defaultMaxBytes = v;
      return this;
    }

    public Builder extraReadOnlyPaths(List<Path> v) {
      extraReadOnlyPaths = v;
      return this;
    }

    public Builder maxNestingKeywords(int v) {
      maxNestingKeywords = v;
      return this;
    }

    public Builder maxViewsAndTriggers(int v) {
      maxViewsAndTriggers = v;
      return this;
    }

    public Builder requestStackBytes(long v) {
      requestStackBytes = v;
      return this;
    }

    public Builder duckdbMemoryBytes(long v) {
      if (v < (16L << 20)) {
        throw new IllegalArgumentException("duckdbMemoryBytes must be at least 16 MiB");
      }
      duckdbMemoryBytes = v;
      return this;
    }

    public SandboxConfig build() {
      return new SandboxConfig(
          sandboxed,
          network,
          minLandlockAbi,
          dataLimitBytes,
          fileSizeLimitBytes,
          openFilesLimit,
          processLimit,
          daemonHeap,
          maxSqlBytes,
          maxValueLength,
          defaultTimeoutMillis,
          defaultMaxRows,
          defaultMaxBytes,
          extraReadOnlyPaths,
          maxNestingKeywords,
          maxViewsAndTriggers,
          requestStackBytes,
          duckdbMemoryBytes);
    }
  }
}
