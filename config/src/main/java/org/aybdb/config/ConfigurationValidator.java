package org.aybdb.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aybdb.config.AybConfiguration.Authentication;
import org.aybdb.config.AybConfiguration.Automation;
import org.aybdb.config.AybConfiguration.Cors;
import org.aybdb.config.AybConfiguration.Email;
import org.aybdb.config.AybConfiguration.FileBackend;
import org.aybdb.config.AybConfiguration.Http;
import org.aybdb.config.AybConfiguration.Limits;
import org.aybdb.config.AybConfiguration.Management;
import org.aybdb.config.AybConfiguration.Metadata;
import org.aybdb.config.AybConfiguration.Sandbox;
import org.aybdb.config.AybConfiguration.Server;
import org.aybdb.config.AybConfiguration.Smtp;
import org.aybdb.config.AybConfiguration.Snapshots;

/**
 * Turns layered settings into a validated {@link AybConfiguration}, key by key in the order of
 * ayb.toml, failing on the first problem. The Fernet key file is touched only once everything else
 * is valid, so a broken configuration leaves no files behind.
 */
final class ConfigurationValidator {

  static final String NO_EMAIL_BACKEND =
      "At least one email backend (smtp or file) must be configured. See email configuration"
          + " documentation at https://github.com/marcua/ayb#email-configuration";

  private static final List<String> SMTP_SECURITY = List.of(Smtp.TLS, Smtp.STARTTLS, Smtp.PLAIN);

  private final TomlValues values;

  private ConfigurationValidator(TomlValues values) {
    this.values = values;
  }

  static AybConfiguration validate(TomlValues values, String source) {
    return new ConfigurationValidator(values).configuration(source);
  }

  private AybConfiguration configuration(String source) {
    // A plain value where a table belongs (e.g. `email = "x"`) is reported before anything else.
    ConfigurationKeys.TABLES.stream().sorted().forEach(values::hasTable);

    String host = nonBlank("host");
    int port = port("port");
    Optional<String> publicUrl = publicUrl();
    String databaseUrl = databaseUrl();
    Metadata metadata = metadata();
    Path dataPath = path("data_path");
    Optional<String> fernetKey = fernetKey();
    long tokenExpirationSeconds = positive("authentication.token_expiration_seconds");
    Email email = email();
    Cors cors = new Cors(nonBlank("cors.origin"));
    Optional<Snapshots> snapshots = snapshots();
    Server server = server();
    Sandbox sandbox = sandbox();
    Http http = http();
    Management management = management();
    Limits limits = limits();

    Authentication authentication =
        new Authentication(
            fernetKey.orElseGet(() -> FernetKeys.readOrCreate(dataPath)), tokenExpirationSeconds);
    return new AybConfiguration(
        host,
        port,
        publicUrl,
        databaseUrl,
        metadata,
        dataPath,
        authentication,
        email,
        cors,
        snapshots,
        server,
        sandbox,
        http,
        management,
        limits,
        source);
  }

  private Optional<String> publicUrl() {
    // An empty value (e.g. AYB__PUBLIC_URL= from a compose file) means "not set".
    Optional<String> text = values.string("public_url").filter(url -> !url.isBlank());
    if (text.isEmpty()) {
      return text;
    }
    String url = text.get().strip();
    String problem = "must be an absolute http or https URL such as https://ayb.example.com";
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw values.invalid("public_url", problem + " (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getRawAuthority() == null
        || uri.getRawAuthority().isEmpty()) {
      throw values.invalid("public_url", problem + ", not `" + url + "`");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw values.invalid("public_url", "must not have a query or fragment, as ayb appends paths");
    }
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return Optional.of(url);
  }

  private String databaseUrl() {
    String url = values.requiredString("database_url");
    try {
      MetadataStore.parse(url);
    } catch (ConfigurationException e) {
      throw new ConfigurationException(
          e.getMessage()
              + " (database_url in "
              + values.sourceOf("database_url").description()
              + ")",
          e);
    }
    return url;
  }

  private Metadata metadata() {
    String key = "metadata.datasource_jndi";
    // Empty means "not set", as for public_url: AYB__METADATA__DATASOURCE_JNDI= switches it off.
    Optional<String> name = values.string(key).map(String::strip).filter(text -> !text.isEmpty());
    if (name.isPresent() && name.get().chars().anyMatch(Character::isWhitespace)) {
      throw values.invalid(key, "`" + name.get() + "` is not a JNDI name (it contains a space)");
    }
    return new Metadata(name);
  }

  private Optional<String> fernetKey() {
    Optional<String> key = values.string("authentication.fernet_key");
    if (key.isPresent() && !FernetKeys.isValid(key.get())) {
      throw new ConfigurationException(
          "Missing or invalid Fernet key in authentication.fernet_key ("
              + values.sourceOf("authentication.fernet_key").description()
              + ": expected URL-safe base64 of 32 bytes, 44 characters ending in '=', as printed"
              + " by `ayb default_server_config`)");
    }
    return key;
  }

  private Email email() {
    Optional<Smtp> smtp = Optional.empty();
    if (values.hasTable("email.smtp")) {
      smtp =
          Optional.of(
              new Smtp(
                  values.requiredString("email.smtp.from"),
                  values.requiredString("email.smtp.reply_to"),
                  nonBlank("email.smtp.smtp_host"),
                  port("email.smtp.smtp_port"),
                  values.requiredString("email.smtp.smtp_username"),
                  values.requiredString("email.smtp.smtp_password"),
                  smtpSecurity()));
    }
    Optional<FileBackend> file = Optional.empty();
    if (values.hasTable("email.file")) {
      file = Optional.of(new FileBackend(path("email.file.path")));
    }
    if (smtp.isEmpty() && file.isEmpty()) {
      throw new ConfigurationException(NO_EMAIL_BACKEND);
    }
    return new Email(smtp, file, rateLimitPerHour());
  }

  private int rateLimitPerHour() {
    String key = "email.rate_limit_per_hour";
    Optional<Long> limit = values.integer(key);
    if (limit.isPresent() && (limit.get() < 0 || limit.get() > Integer.MAX_VALUE)) {
      throw values.invalid(
          key, limit.get() + " is not a number of e-mails per hour (0 switches the limit off)");
    }
    return limit.map(Long::intValue).orElse(Email.DEFAULT_RATE_LIMIT_PER_HOUR);
  }

  private String smtpSecurity() {
    String key = "email.smtp.security";
    Optional<String> security = values.string(key);
    if (security.isEmpty()) {
      return Smtp.TLS;
    }
    String normalized = security.get().strip().toLowerCase(Locale.ROOT);
    if (!SMTP_SECURITY.contains(normalized)) {
      throw values.invalid(
          key, "`" + security.get() + "` is not one of tls (the default), starttls, plain");
    }
    return normalized;
  }

  private Optional<Snapshots> snapshots() {
    if (!values.hasTable("snapshots")) {
      return Optional.empty();
    }
    String method = values.string("snapshots.sqlite_method").orElse(Snapshots.VACUUM);
    if (!method.strip().equalsIgnoreCase(Snapshots.VACUUM)) {
      throw values.invalid(
          "snapshots.sqlite_method",
          "`" + method + "` is not supported; the only method is \"" + Snapshots.VACUUM + "\"");
    }
    return Optional.of(
        new Snapshots(
            Snapshots.VACUUM,
            values.requiredString("snapshots.access_key_id"),
            values.requiredString("snapshots.secret_access_key"),
            nonBlank("snapshots.bucket"),
            values.requiredString("snapshots.path_prefix"),
            values.string("snapshots.endpoint_url"),
            values.string("snapshots.region"),
            values.bool("snapshots.force_path_style").orElse(false),
            automation()));
  }

  private Optional<Automation> automation() {
    if (!values.hasTable("snapshots.automation")) {
      return Optional.empty();
    }
    String key = "snapshots.automation.interval";
    String text = values.requiredString(key);
    Duration interval;
    try {
      interval = GoDuration.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw values.invalid(
          key,
          "Unable to parse duration `"
              + text
              + "`: "
              + e.getMessage()
              + " (Go duration syntax, e.g. 2s, 10m, 1h30m)");
    }
    if (interval.isZero() || interval.isNegative()) {
      throw values.invalid(key, "`" + text + "` must be longer than zero");
    }
    String maxKey = "snapshots.automation.max_snapshots";
    long maxSnapshots = values.requiredInteger(maxKey);
    if (maxSnapshots < 1 || maxSnapshots > 65535) {
      throw values.invalid(maxKey, maxSnapshots + " is not between 1 and 65535");
    }
    return Optional.of(new Automation(interval, (int) maxSnapshots));
  }

  private Server server() {
    Server defaults = Server.defaults();
    List<String> jvmOptions = values.stringList("server.jvm_options").orElse(defaults.jvmOptions());
    String timeoutKey = "server.startup_timeout_seconds";
    Optional<Long> timeout = values.integer(timeoutKey);
    if (timeout.isPresent() && (timeout.get() < 1 || timeout.get() > Integer.MAX_VALUE)) {
      throw values.invalid(timeoutKey, timeout.get() + " is not a positive number of seconds");
    }
    String graceKey = "server.shutdown_grace_seconds";
    Optional<Long> grace = values.integer(graceKey);
    if (grace.isPresent()
        && (grace.get() < 0 || grace.get() > ConfigurationKeys.MAX_SHUTDOWN_GRACE_SECONDS)) {
      throw values.invalid(
          graceKey,
          grace.get()
              + " is not between 0 and "
              + ConfigurationKeys.MAX_SHUTDOWN_GRACE_SECONDS
              + " seconds");
    }
    return new Server(
        jvmOptions,
        timeout.map(Long::intValue).orElse(defaults.startupTimeoutSeconds()),
        grace.map(Long::intValue).orElse(defaults.shutdownGraceSeconds()));
  }

  private Sandbox sandbox() {
    Sandbox d = Sandbox.defaults();
    String networkKey = "sandbox.network";
    String network = values.string(networkKey).orElse(d.network());
    String normalizedNetwork = network.strip().toLowerCase(Locale.ROOT);
    if (!Sandbox.NETWORK_MODES.contains(normalizedNetwork)) {
      throw values.invalid(
          networkKey, "`" + network + "` is not one of auto (the default), required, off");
    }
    Backoff crashBackoff = crashBackoff(d);
    return new Sandbox(
        values.bool("sandbox.allow_unsandboxed").orElse(d.allowUnsandboxed()),
        normalizedNetwork,
        (int) bounded("sandbox.max_daemons", d.maxDaemons(), 1, 10_000, "daemons"),
        duration(
            "sandbox.idle_timeout", d.idleTimeout(), Duration.ofSeconds(1), Duration.ofDays(7)),
        duration(
            "sandbox.query_timeout", d.queryTimeout(), Duration.ofMillis(10), Duration.ofHours(1)),
        (int) bounded("sandbox.max_result_rows", d.maxResultRows(), 1, Integer.MAX_VALUE, "rows"),
        (int) bounded("sandbox.max_result_bytes", d.maxResultBytes(), 1024, 256L << 20, "bytes"),
        (int) bounded("sandbox.max_sql_bytes", d.maxSqlBytes(), 1024, 256L << 20, "bytes"),
        (int) bounded("sandbox.max_value_bytes", d.maxValueBytes(), 1024, 1L << 30, "bytes"),
        // Below about 48 MiB the daemon JVM cannot start at all.
        bounded("sandbox.daemon_memory", d.daemonMemory(), 48L << 20, 1L << 40, "bytes"),
        bounded("sandbox.max_file_size", d.maxFileSize(), 1L << 20, Long.MAX_VALUE, "bytes"),
        (int) bounded("sandbox.open_files", d.openFiles(), 12, 65_536, "files"),
        crashBackoff.initial(),
        crashBackoff.max(),
        (int)
            bounded("sandbox.max_nesting_keywords", d.maxNestingKeywords(), 1, 100_000, "keywords"),
        (int)
            bounded(
                "sandbox.max_views_and_triggers",
                d.maxViewsAndTriggers(),
                0,
                1_000_000,
                "views and triggers"),
        bounded("sandbox.request_stack", d.requestStack(), 256L << 10, 1L << 30, "bytes"),
        (int)
            bounded("sandbox.prestarted_launchers", d.prestartedLaunchers(), 0, 64, "first stages"),
        (int) bounded("sandbox.readers_per_database", d.readersPerDatabase(), 1, 64, "daemons"));
  }

  private record Backoff(Duration initial, Duration max) {}

  /** {@code crash_backoff_initial} (0 switches the backoff off) and {@code crash_backoff_max}. */
  private Backoff crashBackoff(Sandbox d) {
    Duration initial =
        duration(
            "sandbox.crash_backoff_initial",
            d.crashBackoffInitial(),
            Duration.ZERO,
            Duration.ofHours(1));
    Duration max =
        duration(
            "sandbox.crash_backoff_max", d.crashBackoffMax(), Duration.ZERO, Duration.ofDays(1));
    if (max.compareTo(initial) < 0) {
      throw values.invalid(
          "sandbox.crash_backoff_max",
          GoDuration.format(max)
              + " is shorter than crash_backoff_initial ("
              + GoDuration.format(initial)
              + ")");
    }
    return new Backoff(initial, max);
  }

  private Http http() {
    Http d = Http.defaults();
    return new Http(
        (int) bounded("http.json_max_depth", d.jsonMaxDepth(), 2, 1000, "levels"),
        (int)
            bounded(
                "http.link_fetches_per_entity_per_hour",
                d.linkFetchesPerEntityPerHour(),
                0,
                1_000_000,
                "fetches"),
        (int)
            bounded("http.link_fetches_per_hour", d.linkFetchesPerHour(), 0, 1_000_000, "fetches"),
        (int)
            bounded(
                "http.emails_per_client_per_hour",
                d.emailsPerClientPerHour(),
                0,
                1_000_000,
                "e-mails"),
        duration(
            "http.anonymous_session_timeout",
            d.anonymousSessionTimeout(),
            Duration.ofMinutes(1),
            Duration.ofHours(12)),
        (int)
            bounded(
                "http.max_sessions_per_client", d.maxSessionsPerClient(), 1, 1_000_000, "sessions"),
        (int)
            bounded(
                "http.max_connections_per_client",
                d.maxConnectionsPerClient(),
                1,
                1_000_000,
                "connections"),
        duration(
            "http.body_timeout", d.bodyTimeout(), Duration.ofSeconds(1), Duration.ofMinutes(10)),
        (int) bounded("http.max_query_params", d.maxQueryParams(), 0, 100_000, "parameters"),
        (int) bounded("http.max_batch_statements", d.maxBatchStatements(), 1, 10_000, "statements"),
        bounded("http.min_body_rate", d.minBodyRate(), 0, 1L << 40, "bytes"));
  }

  private Management management() {
    Management d = Management.defaults();
    String key = "management.addresses";
    List<String> addresses = values.stringList(key).orElse(d.addresses());
    for (String address : addresses) {
      // Only literals: a host name here would make every request wait for DNS.
      if (!address.strip().matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
        throw values.invalid(key, "`" + address + "` is not an IPv4 or IPv6 address");
      }
    }
    String tokenKey = "management.token";
    Optional<String> token = values.string(tokenKey).filter(text -> !text.isBlank());
    if (token.isPresent() && token.get().strip().length() < 16) {
      throw values.invalid(tokenKey, "must be at least 16 characters long");
    }
    return new Management(addresses.stream().map(String::strip).toList(), token.map(String::strip));
  }

  private Limits limits() {
    Limits d = Limits.defaults();
    List<String> proxies =
        values.stringList("limits.trusted_proxies").orElse(d.trustedProxies()).stream()
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList();
    for (String proxy : proxies) {
      // Exact addresses only: a literal IPv4 or IPv6 address, never a name to resolve.
      if (!proxy.matches("[0-9A-Fa-f:.]+")) {
        throw values.invalid(
            "limits.trusted_proxies", "`" + proxy + "` is not an IP address (names are not taken)");
      }
    }
    return new Limits(
        (int) bounded("limits.queries_per_minute", d.queriesPerMinute(), 0, 1_000_000, "queries"),
        (int) bounded("limits.concurrent_queries", d.concurrentQueries(), 0, 10_000, "queries"),
        (int)
            bounded(
                "limits.anonymous_queries_per_minute",
                d.anonymousQueriesPerMinute(),
                0,
                1_000_000,
                "queries"),
        (int)
            bounded(
                "limits.anonymous_concurrent_queries",
                d.anonymousConcurrentQueries(),
                0,
                10_000,
                "queries"),
        (int)
            bounded(
                "limits.anonymous_queries_per_database",
                d.anonymousQueriesPerDatabase(),
                0,
                10_000,
                "queries"),
        duration("limits.queue_wait", d.queueWait(), Duration.ofMillis(10), Duration.ofMinutes(10)),
        proxies,
        (int)
            bounded(
                "limits.max_databases_per_entity",
                d.maxDatabasesPerEntity(),
                0,
                1_000_000,
                "databases"),
        bounded("limits.max_bytes_per_entity", d.maxBytesPerEntity(), 0, Long.MAX_VALUE, "bytes"),
        (int) bounded("limits.query_history_length", d.queryHistoryLength(), 0, 10_000, "queries"),
        (int)
            bounded(
                "limits.max_saved_queries_per_entity",
                d.maxSavedQueriesPerEntity(),
                0,
                1_000_000,
                "queries"),
        (int)
            bounded(
                "limits.username_suggestions_per_minute",
                d.usernameSuggestionsPerMinute(),
                0,
                1_000_000,
                "completions"),
        (int) bounded("limits.concurrent_exports", d.concurrentExports(), 0, 10_000, "exports"),
        (int)
            bounded(
                "limits.concurrent_exports_per_client",
                d.concurrentExportsPerClient(),
                0,
                10_000,
                "exports"),
        bounded("limits.max_dump_bytes", d.maxDumpBytes(), 0, Long.MAX_VALUE, "bytes"));
  }

  /** An integer key (a byte size such as {@code "64MiB"} too) within [min, max], or its default. */
  private long bounded(String key, long fallback, long min, long max, String unit) {
    Optional<Long> value = unit.equals("bytes") ? values.size(key) : values.integer(key);
    long result = value.orElse(fallback);
    if (result < min || result > max) {
      throw values.invalid(
          key,
          result + " is out of range: " + unit + " between " + min + " and " + max + " expected");
    }
    return result;
  }

  private Duration duration(String key, Duration fallback, Duration min, Duration max) {
    Optional<String> text = values.string(key);
    if (text.isEmpty()) {
      return fallback;
    }
    Duration value;
    try {
      value = GoDuration.parse(text.get().strip());
    } catch (IllegalArgumentException e) {
      throw values.invalid(
          key,
          "Unable to parse duration `"
              + text.get()
              + "`: "
              + e.getMessage()
              + " (Go duration syntax, e.g. 500ms, 10s, 10m)");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw values.invalid(
          key,
          "`"
              + text.get()
              + "` is out of range: between "
              + GoDuration.format(min)
              + " and "
              + GoDuration.format(max)
              + " expected");
    }
    return value;
  }

  private String nonBlank(String key) {
    String value = values.requiredString(key);
    if (value.isBlank()) {
      throw values.invalid(key, "must not be empty");
    }
    return value;
  }

  private int port(String key) {
    long port = values.requiredInteger(key);
    if (port < 1 || port > 65535) {
      throw values.invalid(key, port + " is not a port number between 1 and 65535");
    }
    return (int) port;
  }

  private long positive(String key) {
    long value = values.requiredInteger(key);
    if (value < 1) {
      throw values.invalid(key, value + " is not a positive integer");
    }
    return value;
  }

  private Path path(String key) {
    String text = nonBlank(key);
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw values.invalid(key, "`" + text + "` is not a valid path (" + e.getReason() + ")");
    }
  }
}
