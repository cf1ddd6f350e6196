package org.aybdb.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.aybdb.config.AybConfiguration.Automation;
import org.aybdb.config.AybConfiguration.Http;
import org.aybdb.config.AybConfiguration.Limits;
import org.aybdb.config.AybConfiguration.Sandbox;
import org.aybdb.config.AybConfiguration.Smtp;
import org.aybdb.config.AybConfiguration.Snapshots;

/**
 * Flattens an {@link AybConfiguration} into ayb's dotted key names, plus derived keys ({@code
 * metadata.*}, {@code public_base_url}, {@code data_path.absolute}). Absent optional values are
 * left out, so no value is ever null. Secrets are included: this feeds the server's own config.
 */
final class ConfigurationProperties {
  private ConfigurationProperties() {}

  static Map<String, String> flatten(AybConfiguration configuration) {
    Objects.requireNonNull(configuration, "configuration");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("host", configuration.host());
    properties.put("port", Integer.toString(configuration.port()));
    configuration.publicUrl().ifPresent(url -> properties.put("public_url", url));
    properties.put("database_url", configuration.databaseUrl());
    configuration
        .metadata()
        .dataSourceJndi()
        .ifPresent(name -> properties.put("metadata.datasource_jndi", name));
    properties.put("data_path", configuration.dataPath().toString());
    properties.put("authentication.fernet_key", configuration.authentication().fernetKey());
    properties.put(
        "authentication.token_expiration_seconds",
        Long.toString(configuration.authentication().tokenExpirationSeconds()));
    properties.put(
        "email.rate_limit_per_hour", Integer.toString(configuration.email().rateLimitPerHour()));
    configuration.email().smtp().ifPresent(smtp -> putSmtp(properties, smtp));
    configuration
        .email()
        .file()
        .ifPresent(file -> properties.put("email.file.path", file.path().toString()));
    properties.put("cors.origin", configuration.cors().origin());
    configuration.snapshots().ifPresent(snapshots -> putSnapshots(properties, snapshots));
    properties.put("server.jvm_options", String.join(" ", configuration.server().jvmOptions()));
    properties.put(
        "server.startup_timeout_seconds",
        Integer.toString(configuration.server().startupTimeoutSeconds()));
    properties.put(
        "server.shutdown_grace_seconds",
        Integer.toString(configuration.server().shutdownGraceSeconds()));
    putSandbox(properties, configuration.sandbox());
    putHttp(properties, configuration.http());
    properties.put(
        "management.addresses", String.join(" ", configuration.management().addresses()));
    configuration
        .management()
        .token()
        .ifPresent(token -> properties.put("management.token", token));
    putLimits(properties, configuration.limits());

    MetadataStore store = configuration.metadataStore();
    properties.put("metadata.dialect", store.dialect());
    properties.put("metadata.datasource.class", store.dataSourceClassName());
    properties.put("metadata.datasource.url", store.jdbcUrl());
    properties.put("metadata.datasource.user", store.user());
    properties.put("metadata.datasource.password", store.password());
    store.schema().ifPresent(schema -> properties.put("metadata.schema", schema));
    properties.put("public_base_url", configuration.publicBaseUrl());
    properties.put("data_path.absolute", absolute(configuration.dataPath()));
    return properties;
  }

  private static void putSmtp(Map<String, String> properties, Smtp smtp) {
    properties.put("email.smtp.from", smtp.from());
    properties.put("email.smtp.reply_to", smtp.replyTo());
    properties.put("email.smtp.smtp_host", smtp.smtpHost());
    properties.put("email.smtp.smtp_port", Integer.toString(smtp.smtpPort()));
    properties.put("email.smtp.smtp_username", smtp.smtpUsername());
    properties.put("email.smtp.smtp_password", smtp.smtpPassword());
    properties.put("email.smtp.security", smtp.security());
  }

  private static void putSnapshots(Map<String, String> properties, Snapshots snapshots) {
    properties.put("snapshots.sqlite_method", snapshots.sqliteMethod());
    properties.put("snapshots.access_key_id", snapshots.accessKeyId());
    properties.put("snapshots.secret_access_key", snapshots.secretAccessKey());
    properties.put("snapshots.bucket", snapshots.bucket());
    properties.put("snapshots.path_prefix", snapshots.pathPrefix());
    snapshots.endpointUrl().ifPresent(url -> properties.put("snapshots.endpoint_url", url));
    snapshots.region().ifPresent(region -> properties.put("snapshots.region", region));
    properties.put("snapshots.force_path_style", Boolean.toString(snapshots.forcePathStyle()));
    snapshots.automation().ifPresent(automation -> putAutomation(properties, automation));
  }

  private static void putAutomation(Map<String, String> properties, Automation automation) {
    properties.put("snapshots.automation.interval", GoDuration.format(automation.interval()));
    properties.put(
        "snapshots.automation.max_snapshots", Integer.toString(automation.maxSnapshots()));
  }

  private static void putSandbox(Map<String, String> properties, Sandbox sandbox) {
    properties.put("sandbox.allow_unsandboxed", Boolean.toString(sandbox.allowUnsandboxed()));
    properties.put("sandbox.network", sandbox.network());
    properties.put("sandbox.max_daemons", Integer.toString(sandbox.maxDaemons()));
    properties.put("sandbox.idle_timeout", GoDuration.format(sandbox.idleTimeout()));
    properties.put("sandbox.query_timeout", GoDuration.format(sandbox.queryTimeout()));
    properties.put("sandbox.max_result_rows", Integer.toString(sandbox.maxResultRows()));
    properties.put("sandbox.max_result_bytes", Integer.toString(sandbox.maxResultBytes()));
    properties.put("sandbox.max_sql_bytes", Integer.toString(sandbox.maxSqlBytes()));
    properties.put("sandbox.max_value_bytes", Integer.toString(sandbox.maxValueBytes()));
    properties.put("sandbox.daemon_memory", Long.toString(sandbox.daemonMemory()));
    properties.put("sandbox.max_file_size", Long.toString(sandbox.maxFileSize()));
    properties.put("sandbox.open_files", Integer.toString(sandbox.openFiles()));
    properties.put(
        "sandbox.crash_backoff_initial", GoDuration.format(sandbox.crashBackoffInitial()));
    properties.put("sandbox.crash_backoff_max", GoDuration.format(sandbox.crashBackoffMax()));
    properties.put("sandbox.max_nesting_keywords", Integer.toString(sandbox.maxNestingKeywords()));
    properties.put(
        "sandbox.max_views_and_triggers", Integer.toString(sandbox.maxViewsAndTriggers()));
    properties.put("sandbox.request_stack", Long.toString(sandbox.requestStack()));
    properties.put("sandbox.prestarted_launchers", Integer.toString(sandbox.prestartedLaunchers()));
    properties.put("sandbox.readers_per_database", Integer.toString(sandbox.readersPerDatabase()));
  }

  private static void putHttp(Map<String, String> properties, Http http) {
    properties.put("http.json_max_depth", Integer.toString(http.jsonMaxDepth()));
    properties.put(
        "http.link_fetches_per_entity_per_hour",
        Integer.toString(http.linkFetchesPerEntityPerHour()));
    properties.put("http.link_fetches_per_hour", Integer.toString(http.linkFetchesPerHour()));
    properties.put(
        "http.emails_per_client_per_hour", Integer.toString(http.emailsPerClientPerHour()));
    properties.put(
        "http.anonymous_session_timeout", GoDuration.format(http.anonymousSessionTimeout()));
    properties.put("http.max_sessions_per_client", Integer.toString(http.maxSessionsPerClient()));
    properties.put(
        "http.max_connections_per_client", Integer.toString(http.maxConnectionsPerClient()));
    properties.put("http.body_timeout", GoDuration.format(http.bodyTimeout()));
    properties.put("http.max_query_params", Integer.toString(http.maxQueryParams()));
    properties.put("http.max_batch_statements", Integer.toString(http.maxBatchStatements()));
    properties.put("http.min_body_rate", Long.toString(http.minBodyRate()));
  }

  private static void putLimits(Map<String, String> properties, Limits limits) {
    properties.put("limits.queries_per_minute", Integer.toString(limits.queriesPerMinute()));
    properties.put("limits.concurrent_queries", Integer.toString(limits.concurrentQueries()));
    properties.put(
        "limits.anonymous_queries_per_minute",
        Integer.toString(limits.anonymousQueriesPerMinute()));
    properties.put(
        "limits.anonymous_concurrent_queries",
        Integer.toString(limits.anonymousConcurrentQueries()));
    properties.put(
        "limits.anonymous_queries_per_database",
        Integer.toString(limits.anonymousQueriesPerDatabase()));
    properties.put("limits.queue_wait", GoDuration.format(limits.queueWait()));
    properties.put("limits.trusted_proxies", String.join(" ", limits.trustedProxies()));
    properties.put(
        "limits.max_databases_per_entity", Integer.toString(limits.maxDatabasesPerEntity()));
    properties.put("limits.max_bytes_per_entity", Long.toString(limits.maxBytesPerEntity()));
    properties.put("limits.query_history_length", Integer.toString(limits.queryHistoryLength()));
    properties.put(
        "limits.max_saved_queries_per_entity", Integer.toString(limits.maxSavedQueriesPerEntity()));
    properties.put(
        "limits.username_suggestions_per_minute",
        Integer.toString(limits.usernameSuggestionsPerMinute()));
    properties.put("limits.concurrent_exports", Integer.toString(limits.concurrentExports()));
    properties.put(
        "limits.concurrent_exports_per_client",
        Integer.toString(limits.concurrentExportsPerClient()));
    properties.put("limits.max_dump_bytes", Long.toString(limits.maxDumpBytes()));
  }

  private static String absolute(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }
}
