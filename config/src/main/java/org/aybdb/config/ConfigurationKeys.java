package org.aybdb.config;

import java.util.List;
import java.util.Set;

/** The keys and tables ayb.toml may contain: ayb's own plus our extensions. */
final class ConfigurationKeys {

  private ConfigurationKeys() {}

  static final Set<String> TABLES =
      Set.of(
          "authentication",
          "email",
          "email.smtp",
          "email.file",
          "cors",
          "snapshots",
          "snapshots.automation",
          "server",
          "sandbox",
          "http",
          "management",
          "limits",
          "metadata");

  static final Set<String> KEYS =
      Set.of(
          "host",
          "port",
          "public_url",
          "database_url",
          "data_path",
          "metadata.datasource_jndi",
          "authentication.fernet_key",
          "authentication.token_expiration_seconds",
          "email.rate_limit_per_hour",
          "email.smtp.from",
          "email.smtp.reply_to",
          "email.smtp.smtp_host",
          "email.smtp.smtp_port",
          "email.smtp.smtp_username",
          "email.smtp.smtp_password",
          "email.smtp.security",
          "email.file.path",
          "cors.origin",
          "snapshots.sqlite_method",
          "snapshots.access_key_id",
          "snapshots.secret_access_key",
          "snapshots.bucket",
          "snapshots.path_prefix",
          "snapshots.endpoint_url",
          "snapshots.region",
          "snapshots.force_path_style",
          "snapshots.automation.interval",
          "snapshots.automation.max_snapshots",
          "server.jvm_options",
          "server.startup_timeout_seconds",
          "server.shutdown_grace_seconds",
          "sandbox.allow_unsandboxed",
          "sandbox.network",
          "sandbox.max_daemons",
          "sandbox.idle_timeout",
          "sandbox.query_timeout",
          "sandbox.max_result_rows",
          "sandbox.max_result_bytes",
          "sandbox.max_sql_bytes",
          "sandbox.max_value_bytes",
          "sandbox.daemon_memory",
          "sandbox.max_file_size",
          "sandbox.open_files",
          "sandbox.crash_backoff_initial",
          "sandbox.crash_backoff_max",
          "sandbox.max_nesting_keywords",
          "sandbox.max_views_and_triggers",
          "sandbox.request_stack",
          "sandbox.prestarted_launchers",
          "sandbox.readers_per_database",
          "http.json_max_depth",
          "http.link_fetches_per_entity_per_hour",
          "http.link_fetches_per_hour",
          "http.emails_per_client_per_hour",
          "http.anonymous_session_timeout",
          "http.max_sessions_per_client",
          "http.max_connections_per_client",
          "http.body_timeout",
          "http.max_query_params",
          "http.max_batch_statements",
          "http.min_body_rate",
          "management.addresses",
          "management.token",
          "limits.queries_per_minute",
          "limits.concurrent_queries",
          "limits.anonymous_queries_per_minute",
          "limits.anonymous_concurrent_queries",
          "limits.anonymous_queries_per_database",
          "limits.queue_wait",
          "limits.trusted_proxies",
          "limits.max_databases_per_entity",
          "limits.max_bytes_per_entity",
          "limits.query_history_length",
          "limits.max_saved_queries_per_entity",
          "limits.username_suggestions_per_minute",
          "limits.concurrent_exports",
          "limits.concurrent_exports_per_client",
          "limits.max_dump_bytes");

  /** The default flags of the server JVM: small footprint, fail fast on OOM; full JIT. */
  static final List<String> DEFAULT_JVM_OPTIONS =
      List.of(
          "-Xss512k", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=25", "-XX:+ExitOnOutOfMemoryError");

  static final int DEFAULT_STARTUP_TIMEOUT_SECONDS = 240;

  static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 5;

  /** The longest shutdown grace period: beyond it supervisors kill the server anyway. */
  static final int MAX_SHUTDOWN_GRACE_SECONDS = 300;

  static boolean isKnown(String key) {
    return KEYS.contains(key) || TABLES.contains(key);
  }
}
