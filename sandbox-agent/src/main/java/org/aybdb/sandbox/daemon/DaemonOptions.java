package org.aybdb.sandbox.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's command-line options ({@code --name=value}). The launcher builds them from a {@code
 * SandboxConfig}; see the README for the list.
 *
 * @param dbFile the database file (its directory is the only writable place in the sandbox)
 * @param protocolFd the descriptor responses are written to (the launcher moves the pipe to a
 *     descriptor of its own and points 1 at stderr, so stray JVM output cannot corrupt frames)
 * @param fileSizeLimit RLIMIT_FSIZE in bytes as set by the launcher (0 = none), for error messages
 * @param maxNestingKeywords SQL with more SELECT and TRIGGER keywords is refused
 * @param maxViewsAndTriggers no view or trigger is added to a database holding this many
 * @param requestStackBytes the native stack of the thread that serves requests
 * @param engine the engine of the database file
 * @param duckdbMemoryBytes DuckDB's {@code memory_limit} (DuckDB daemons only)
 */
public record DaemonOptions(
    Path dbFile,
    int protocolFd,
    int maxSqlBytes,
    int maxValueLength,
    int defaultTimeoutMillis,
    int defaultMaxRows,
    int defaultMaxBytes,
    int busyTimeoutMillis,
    long fileSizeLimit,
    String sandboxStatus,
    int maxNestingKeywords,
    int maxViewsAndTriggers,
    long requestStackBytes,
    Engine engine,
    long duckdbMemoryBytes) {

  public static final int DEFAULT_MAX_SQL_BYTES = 1 << 20;
  public static final int DEFAULT_MAX_VALUE_LENGTH = 8 << 20;
  public static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
  public static final int DEFAULT_MAX_ROWS = 100_000;
  public static final int DEFAULT_MAX_BYTES = 4 << 20;
  public static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 5_000;

  /**
   * SQLite expands chains of CTEs, views and triggers recursively while preparing, and about 3,000
   * levels overflow even a 1 MiB native stack: 500 keeps well within {@link
   * #DEFAULT_REQUEST_STACK_BYTES}.
   */
  public static final int DEFAULT_MAX_NESTING_KEYWORDS = 500;

  /** So that chains of views and triggers built over many requests stay as shallow. */
  public static final int DEFAULT_MAX_VIEWS_AND_TRIGGERS = 500;

  /**
   * Under the JVM's {@code -Xss256k} a sum of 999 terms, a chain of 300 temp triggers or of 500
   * views overflows the stack and kills the daemon. 2 MiB holds SQLite's own limits (expression
   * depth 1000) and the default caps with room to spare, and costs 2 MiB of the daemon's
   * RLIMIT_DATA.
   */
  public static final long DEFAULT_REQUEST_STACK_BYTES = 2L << 20;

  /** DuckDB's buffer memory when nothing else is configured. */
  public static final long DEFAULT_DUCKDB_MEMORY_BYTES = 64L << 20;

  /** Options for {@code dbFile} with every default, answering on stdout. */
  public static DaemonOptions defaults(Path dbFile) {
    return new DaemonOptions(
        dbFile,
        1,
        DEFAULT_MAX_SQL_BYTES,
        DEFAULT_MAX_VALUE_LENGTH,
        DEFAULT_TIMEOUT_MILLIS,
        DEFAULT_MAX_ROWS,
        DEFAULT_MAX_BYTES,
        DEFAULT_BUSY_TIMEOUT_MILLIS,
        0,
        "unsandboxed",
        DEFAULT_MAX_NESTING_KEYWORDS,
        DEFAULT_MAX_VIEWS_AND_TRIGGERS,
        DEFAULT_REQUEST_STACK_BYTES,
        Engine.SQLITE,
        DEFAULT_DUCKDB_MEMORY_BYTES);
  }

  /** The same options with another protocol descriptor and sandbox status. */
  public DaemonOptions withChannel(int fd, String status) {
    return new DaemonOptions(
        dbFile,
        fd,
        maxSqlBytes,
        maxValueLength,
        defaultTimeoutMillis,
        defaultMaxRows,
        defaultMaxBytes,
        busyTimeoutMillis,
        fileSizeLimit,
        status,
        maxNestingKeywords,
        maxViewsAndTriggers,
        requestStackBytes,
        engine,
        duckdbMemoryBytes);
  }

  /** Parses {@code --name=value} arguments; {@code --db} is required. */
  public static DaemonOptions parse(String[] args) {
    Path db = null;
    int fd = 1;
    int maxSql = DEFAULT_MAX_SQL_BYTES;
    int maxValue = DEFAULT_MAX_VALUE_LENGTH;
    int timeout = DEFAULT_TIMEOUT_MILLIS;
    int rows = DEFAULT_MAX_ROWS;
    int bytes = DEFAULT_MAX_BYTES;
    int busy = DEFAULT_BUSY_TIMEOUT_MILLIS;
    long fsize = 0;
    String status = "unsandboxed";
    int nesting = DEFAULT_MAX_NESTING_KEYWORDS;
    int viewsAndTriggers = DEFAULT_MAX_VIEWS_AND_TRIGGERS;
    long stack = DEFAULT_REQUEST_STACK_BYTES;
    Engine engine = Engine.SQLITE;
    long duckdbMemory = DEFAULT_DUCKDB_MEMORY_BYTES;
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("Expected --name=value, got " + arg);
      }
      String name = arg.substring(2, eq);
      String value = arg.substring(eq + 1);
      switch (name) {
        case "db" -> db = Path.of(value);
        case "protocol-fd" -> fd = Integer.parseInt(value);
        case "max-sql-bytes" -> maxSql = positive(name, value);
        case "max-value-length" -> maxValue = positive(name, value);
        case "default-timeout-ms" -> timeout = positive(name, value);
        case "default-max-rows" -> rows = positive(name, value);
        case "default-max-bytes" -> bytes = positive(name, value);
        case "busy-timeout-ms" -> busy = Integer.parseInt(value);
        case "file-size-limit" -> fsize = Long.parseLong(value);
        case "sandbox-status" -> status = value;
        case "max-nesting-keywords" -> nesting = positive(name, value);
        case "max-views-and-triggers" -> viewsAndTriggers = Integer.parseInt(value);
        case "request-stack-bytes" -> stack = positive(name, value);
        case "engine" -> engine = Engine.fromWord(value);
        case "duckdb-memory-bytes" -> duckdbMemory = Long.parseLong(value);
        default -> throw new IllegalArgumentException("Unknown daemon option --" + name);
      }
    }
    if (db == null) {
      throw new IllegalArgumentException("--db=FILE is required");
    }
    return new DaemonOptions(
        db,
        fd,
        maxSql,
        maxValue,
        timeout,
        rows,
        bytes,
        busy,
        fsize,
        status,
        nesting,
        viewsAndTriggers,
        stack,
        engine,
        duckdbMemory);
  }

  /** These options as command-line arguments, the inverse of {@link #parse}. */
  public List<String> toArgs() {
    List<String> args = new ArrayList<>();
    args.add("--db=" + dbFile);
    args.add("--protocol-fd=" + protocolFd);
    args.add("--max-sql-bytes=" + maxSqlBytes);
    args.add("--max-value-length=" + maxValueLength);
    args.add("--default-timeout-ms=" + defaultTimeoutMillis);
    args.add("--default-max-rows=" + defaultMaxRows);
    args.add("--default-max-bytes=" + defaultMaxBytes);
    args.add("--busy-timeout-ms=" + busyTimeoutMillis);
    args.add("--file-size-limit=" + fileSizeLimit);
    args.add("--sandbox-status=" + sandboxStatus);
    args.add("--max-nesting-keywords=" + maxNestingKeywords);
    args.add("--max-views-and-triggers=" + maxViewsAndTriggers);
    args.add("--request-stack-bytes=" + requestStackBytes);
    args.add("--engine=" + engine.word());
    args.add("--duckdb-memory-bytes=" + duckdbMemoryBytes);
    return args;
  }

  private static int positive(String name, String value) {
    int v = Integer.parseInt(value);
    if (v <= 0) {
      throw new IllegalArgumentException("--" + name + " must be positive");
    }
    return v;
  }
}
