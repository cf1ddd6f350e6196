package org.aybdb.sandbox.sqlite;

import java.util.Locale;
import java.util.Set;

/**
 * What untrusted SQL may do on a connection, decided action by action as SQLite's authorizer
 * reports them while a statement is prepared. Allow-lists: a function, pragma or virtual-table
 * module that is not named here is refused, so a newer libsqlite3 adds nothing unreviewed.
 *
 * <ul>
 *   <li><b>Functions</b>: SQLite's core, date, math, JSON, window, FTS and R*Tree functions.
 *       Refused: {@code load_extension} (loads code), {@code fts3_tokenizer} (hands out and accepts
 *       raw pointers: SQLite's published code-execution primitive), {@code fts5} (hands out the
 *       FTS5 API pointer), {@code sqlite_log} (writes to the process's log), {@code rtreenode} and
 *       {@code rtreedepth} (debugging aids that parse caller-supplied node blobs), {@code
 *       sqlite_offset} (file offsets) and anything unknown.
 *   <li><b>Pragmas</b>: listings ({@code table_info}, {@code integrity_check}, ...) for everyone;
 *       reading a setting for everyone; setting one only from {@link #READ_WRITE_SETTABLE}
 *       (read-write callers) or {@link #READ_ONLY_SETTABLE} (read-only callers) — all
 *       per-connection or changes the caller could make with plain SQL anyway. Process-wide and
 *       file-touching pragmas ({@link #PROCESS_WIDE}) are refused outright, even for reading;
 *       durability and format settings ({@code journal_mode}, {@code synchronous}, {@code
 *       trusted_schema}, ...) may be read but never set.
 *   <li><b>ATTACH and DETACH</b>: refused (a query sees its own database only; {@code VACUUM},
 *       which attaches a copy, is refused with them).
 *   <li><b>Virtual tables</b>: {@code CREATE VIRTUAL TABLE} only with the modules of {@link
 *       #MODULES}. Table-valued functions ({@code json_each}, {@code pragma_*}, ...) need no
 *       creation; the {@code pragma_*} ones run their pragma through this same policy.
 *   <li>Everything else (reads, writes, DDL, transactions) is left to the connection's open mode.
 * </ul>
 */
public final class AccessPolicy {

  // SQLite's authorizer action codes (sqlite3.h).
  static final int CREATE_TEMP_INDEX = 3;
  static final int CREATE_TEMP_TABLE = 4;
  static final int CREATE_TEMP_TRIGGER = 5;
  static final int CREATE_TEMP_VIEW = 6;
  static final int CREATE_TRIGGER = 7;
  static final int CREATE_VIEW = 8;
  static final int PRAGMA = 19;
  static final int ATTACH = 24;
  static final int DETACH = 25;
  static final int CREATE_VTABLE = 29;
  static final int FUNCTION = 31;

  /** Functions any caller may use. */
  static final Set<String> FUNCTIONS =
      Set.of(
          // core scalar
          "abs",
          "changes",
          "char",
          "coalesce",
          "format",
          "glob",
          "hex",
          "ifnull",
          "iif",
          "instr",
          "last_insert_rowid",
          "length",
          "like",
          "likelihood",
          "likely",
          "lower",
          "ltrim",
          "max",
          "min",
          "nullif",
          "printf",
          "quote",
          "random",
          "randomblob",
          "replace",
          "round",
          "rtrim",
          "sign",
          "soundex",
          "sqlite_compileoption_get",
          "sqlite_compileoption_used",
          "sqlite_source_id",
          "sqlite_version",
          "substr",
          "substring",
          "total_changes",
          "trim",
          "typeof",
          "unicode",
          "unlikely",
          "upper",
          "zeroblob",
          "subtype",
          "concat",
          "concat_ws",
          "octet_length",
          "unhex",
          // aggregate and window
          "avg",
          "count",
          "group_concat",
          "string_agg",
          "sum",
          "total",
          "cume_dist",
          "dense_rank",
          "first_value",
          "lag",
          "last_value",
          "lead",
          "nth_value",
          "ntile",
          "percent_rank",
          "rank",
          "row_number",
          // date and time
          "current_date",
          "current_time",
          "current_timestamp",
          "date",
          "datetime",
          "julianday",
          "strftime",
          "time",
          "unixepoch",
          "timediff",
          // math
          "acos",
          "acosh",
          "asin",
          "asinh",
          "atan",
          "atan2",
          "atanh",
          "ceil",
          "ceiling",
          "cos",
          "cosh",
          "degrees",
          "exp",
          "floor",
          "ln",
          "log",
          "log10",
          "log2",
          "mod",
          "pi",
          "pow",
          "power",
          "radians",
          "sin",
          "sinh",
          "sqrt",
          "tan",
          "tanh",
          "trunc",
          // JSON
          "json",
          "json_array",
          "json_array_length",
          "json_extract",
          "json_group_array",
          "json_group_object",
          "json_insert",
          "json_object",
          "json_patch",
          "json_quote",
          "json_remove",
          "json_replace",
          "json_set",
          "json_type",
          "json_valid",
          "json_pretty",
          "json_error_position",
          "->",
          "->>",
          // full-text search and R*Tree
          "match",
          "matchinfo",
          "offsets",
          "optimize",
          "snippet",
          "bm25",
          "highlight",
          "fts5_source_id",
          "rtreecheck",
          // SQLite's internal helpers of ALTER TABLE: callable only from SQLite's own nested SQL
          "sqlite_rename_column",
          "sqlite_rename_table",
          "sqlite_rename_test",
          "sqlite_rename_quotefix",
          "sqlite_drop_column");

  /** Virtual-table modules {@code CREATE VIRTUAL TABLE} may use. */
  static final Set<String> MODULES =
      Set.of("fts3", "fts4", "fts5", "fts4aux", "fts5vocab", "fts3tokenize", "rtree", "rtree_i32");

  /** Pragmas that list or check things; any argument (a table or index name, a count) is fine. */
  static final Set<String> LISTINGS =
      Set.of(
          "table_info",
          "table_xinfo",
          "table_list",
          "index_list",
          "index_info",
          "index_xinfo",
          "foreign_key_list",
          "foreign_key_check",
          "integrity_check",
          "quick_check",
          "collation_list",
          "function_list",
          "module_list",
          "pragma_list",
          "compile_options",
          "data_version",
          "freelist_count",
          "page_count",
          "shrink_memory");

  /** Pragmas whose value anyone may read (setting is decided separately). */
  static final Set<String> READABLE =
      Set.of(
          "analysis_limit",
          "application_id",
          "auto_vacuum",
          "automatic_index",
          "busy_timeout",
          "cache_size",
          "cache_spill",
          "case_sensitive_like",
          "cell_size_check",
          "defer_foreign_keys",
          "encoding",
          "foreign_keys",
          "ignore_check_constraints",
          "journal_mode",
          "journal_size_limit",
          "legacy_alter_table",
          "locking_mode",
          "max_page_count",
          "page_size",
          "query_only",
          "read_uncommitted",
          "recursive_triggers",
          "reverse_unordered_selects",
          "schema_version",
          "secure_delete",
          "synchronous",
          "temp_store",
          "trusted_schema",
          "user_version",
          "wal_autocheckpoint",
          "writable_schema");

  /**
   * Pragmas a read-write caller may set or run: per-connection behaviour, or changes to the
   * database the caller may make anyway ({@code user_version}, {@code optimize}, ...). Not {@code
   * max_page_count}: the daemon sets it per request as the caller's storage budget.
   */
  static final Set<String> READ_WRITE_SETTABLE =
      Set.of(
          "analysis_limit",
          "application_id",
          "automatic_index",
          "case_sensitive_like",
          "cell_size_check",
          "defer_foreign_keys",
          "foreign_keys",
          "ignore_check_constraints",
          "incremental_vacuum",
          "optimize",
          "query_only",
          "recursive_triggers",
          "reverse_unordered_selects",
          "user_version",
          "wal_checkpoint");

  /**
   * Pragmas a read-only caller may set: they change how its own queries read, nothing else ({@code
   * query_only} cannot make a read-only connection writable; a write then fails as any other).
   */
  static final Set<String> READ_ONLY_SETTABLE =
      Set.of("automatic_index", "case_sensitive_like", "query_only", "reverse_unordered_selects");

  /**
   * Pragmas refused even for reading: they change the whole daemon process (heap limits, worker
   * threads, memory mapping) or name files and folders.
   */
  static final Set<String> PROCESS_WIDE =
      Set.of(
          "hard_heap_limit",
          "soft_heap_limit",
          "temp_store_directory",
          "data_store_directory",
          "mmap_size",
          "threads",
          "lock_proxy_file",
          "database_list");

  /** A refusal: what was refused, in words a caller can act on. */
  public record Denial(String what) {}

  private final boolean readOnly;

  /** The policy for a read-only ({@code true}) or read-write caller. */
  public AccessPolicy(boolean readOnly) {
    this.readOnly = readOnly;
  }

  /**
   * Decides one authorizer action; null allows it. {@code a1..a3} are SQLite's arguments as strings
   * (null where SQLite passes none); only the actions this policy restricts read them.
   */
  public Denial decide(int action, String a1, String a2, String a3) {
    return switch (action) {
      case FUNCTION -> FUNCTIONS.contains(lower(a2)) ? null : deny("function " + a2 + "()");
      case PRAGMA -> pragma(lower(a1), a2);
      case ATTACH, DETACH ->
          new Denial(
              "ATTACH and DETACH are not allowed: a query sees only its own database (VACUUM,"
                  + " which attaches a copy, is refused too)");
      case CREATE_VTABLE -> MODULES.contains(lower(a2)) ? null : deny("virtual table module " + a2);
      default -> null;
    };
  }

  /**
   * Whether an allowed action leaves state on the connection that must not reach the next caller.
   */
  public static boolean leavesState(int action, String a1, String a2, String a3) {
    return switch (action) {
      case CREATE_TEMP_INDEX, CREATE_TEMP_TABLE, CREATE_TEMP_TRIGGER, CREATE_TEMP_VIEW -> true;
      case CREATE_VTABLE -> "temp".equalsIgnoreCase(a3);
      case PRAGMA -> a2 != null && !LISTINGS.contains(lower(a1));
      default -> false;
    };
  }

  /**
   * Whether an allowed action adds a view or trigger to the database itself: each can add a level
   * to the chains SQLite expands by recursion when a later statement (the owner's too) uses them.
   */
  public static boolean addsNesting(int action) {
    return action == CREATE_VIEW || action == CREATE_TRIGGER;
  }

  /** Whether this action needs its string arguments decoded (the others are decided by code). */
  public static boolean needsArguments(int action) {
    return (action >= CREATE_TEMP_INDEX && action <= CREATE_VIEW)
        || action == FUNCTION
        || action == PRAGMA
        || action == CREATE_VTABLE
        || action == ATTACH
        || action == DETACH;
  }

  private Denial pragma(String name, String value) {
    if (PROCESS_WIDE.contains(name)) {
      return new Denial(
          "PRAGMA " + name + " is not allowed: it acts on the whole daemon process or on files");
    }
    if (LISTINGS.contains(name)) {
      return null;
    }
    if (value == null && READABLE.contains(name)) {
      return null;
    }
    boolean settable =
        readOnly ? READ_ONLY_SETTABLE.contains(name) : READ_WRITE_SETTABLE.contains(name);
    if (settable) {
      return null;
    }
    if (READABLE.contains(name)) {
      return new Denial(
          readOnly && READ_WRITE_SETTABLE.contains(name)
              ? "PRAGMA " + name + " may only be read with read-only access"
              : "PRAGMA " + name + " may be read but not set");
    }
    if (READ_WRITE_SETTABLE.contains(name)) {
      return new Denial("PRAGMA " + name + " needs read-write access");
    }
    return new Denial("PRAGMA " + name + " is not allowed");
  }

  private static Denial deny(String what) {
    return new Denial(what + " is not allowed");
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
