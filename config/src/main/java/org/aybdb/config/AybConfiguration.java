package org.aybdb.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated ayb server configuration: ayb.toml layered with {@code AYB__SECTION__KEY} environment
 * overrides, or the embedded default when there is no file. Every key of ayb's own configuration is
 * here, plus our {@code [server]} extension for `ayb server`.
 *
 * <p>Relative paths are kept as written; like ayb they resolve against the working directory.
 */
public record AybConfiguration(
    String host,
    int port,
    Optional<String> publicUrl,
    String databaseUrl,
    Metadata metadata,
    Path dataPath,
    Authentication authentication,
    Email email,
    Cors cors,
    Optional<Snapshots> snapshots,
    Server server,
    Sandbox sandbox,
    Http http,
    Management management,
    Limits limits,
    /* Where the configuration came from, for messages: the file path, or "embedded default". */
    String source) {

  /**
   * {@code [metadata]}, our extension for application servers.
   *
   * @param dataSourceJndi the JNDI name of a data source the server provides (its pool, its
   *     credentials) for the metadata store, used instead of {@code database_url}; empty: ayb
   *     builds its own from {@code database_url}
   */
  public record Metadata(Optional<String> dataSourceJndi) {

    public Metadata {
      java.util.Objects.requireNonNull(dataSourceJndi, "dataSourceJndi");
    }

    /** No server data source: {@code database_url} decides. */
    public static Metadata defaults() {
      return new Metadata(Optional.empty());
    }
  }

  /** {@code [authentication]}. */
  public record Authentication(String fernetKey, long tokenExpirationSeconds) {
    @Override
    public String toString() {
      return "Authentication[fernetKey="
          + Secrets.mask(fernetKey)
          + ", tokenExpirationSeconds="
          + tokenExpirationSeconds
          + "]";
    }
  }

  /**
   * {@code [email]}: at least one of the two backends is present. {@code rateLimitPerHour} is our
   * extension ({@code [email] rate_limit_per_hour}): at most this many registration and log-in
   * e-mails per address and, separately, per entity in any rolling hour; 0 switches the limit off.
   */
  public record Email(Optional<Smtp> smtp, Optional<FileBackend> file, int rateLimitPerHour) {

    /** The default of {@code rate_limit_per_hour}: enough for any person, too few for spam. */
    public static final int DEFAULT_RATE_LIMIT_PER_HOUR = 10;

    /** Both backends, or one, with the default rate limit. */
    public Email(Optional<Smtp> smtp, Optional<FileBackend> file) {
      this(smtp, file, DEFAULT_RATE_LIMIT_PER_HOUR);
    }
  }

  /**
   * {@code [email.smtp]}. {@code security} is our extension: "tls" (ayb's implicit TLS, the
   * default), "starttls" or "plain" for local relays.
   */
  public record Smtp(
      String from,
      String replyTo,
      String smtpHost,
      int smtpPort,
      String smtpUsername,
      String smtpPassword,
      String security) {

    /** The default {@code security}: implicit TLS, what ayb always does. */
    public static final String TLS = "tls";

    /** Plain connection upgraded with STARTTLS. */
    public static final String STARTTLS = "starttls";

    /** No TLS at all, for relays on localhost. */
    public static final String PLAIN = "plain";

    @Override
    public String toString() {
      return "Smtp[from="
          + from
          + ", replyTo="
          + replyTo
          + ", smtpHost="
          + smtpHost
          + ", smtpPort="
          + smtpPort
          + ", smtpUsername="
          + smtpUsername
          + ", smtpPassword="
          + Secrets.mask(smtpPassword)
          + ", security="
          + security
          + "]";
    }
  }

  /** {@code [email.file]}: an append-only JSON Lines mail log. */
  public record FileBackend(Path path) {}

  /** {@code [cors]}: {@code "*"} allows any origin, anything else exactly one. */
  public record Cors(String origin) {
    public boolean allowsAnyOrigin() {
      return "*".equals(origin.trim());
    }
  }

  /** {@code [snapshots]} and {@code [snapshots.automation]}. */
  public record Snapshots(
      String sqliteMethod,
      String accessKeyId,
      String secretAccessKey,
      String bucket,
      String pathPrefix,
      Optional<String> endpointUrl,
      Optional<String> region,
      boolean forcePathStyle,
      Optional<Automation> automation) {

    /** The only snapshot method ayb implements: {@code VACUUM INTO}. */
    public static final String VACUUM = "Vacuum";

    @Override
    public String toString() {
      return "Snapshots[sqliteMethod="
          + sqliteMethod
          + ", accessKeyId="
          + accessKeyId
          + ", secretAccessKey="
          + Secrets.mask(secretAccessKey)
          + ", bucket="
          + bucket
          + ", pathPrefix="
          + pathPrefix
          + ", endpointUrl="
          + endpointUrl
          + ", region="
          + region
          + ", forcePathStyle="
          + forcePathStyle
          + ", automation="
          + automation
          + "]";
    }
  }

  /** {@code [snapshots.automation]}; the interval is parsed from Go duration syntax. */
  public record Automation(java.time.Duration interval, int maxSnapshots) {}

  /**
   * {@code [server]}, our extension: how `ayb server` starts Payara Micro. {@code jvmOptions} are
   * the flags of the server JVM; {@code startupTimeoutSeconds} bounds the wait for the first
   * healthy answer; {@code shutdownGraceSeconds} is how long a stopping server lets requests in
   * flight finish (new ones get 503) before it stops.
   */
  public record Server(
      List<String> jvmOptions, int startupTimeoutSeconds, int shutdownGraceSeconds) {

    /** With the default shutdown grace period. */
    public Server(List<String> jvmOptions, int startupTimeoutSeconds) {
      this(jvmOptions, startupTimeoutSeconds, ConfigurationKeys.DEFAULT_SHUTDOWN_GRACE_SECONDS);
    }

    /** The values used when {@code [server]} or one of its keys is absent. */
    public static Server defaults() {
      return new Server(
          ConfigurationKeys.DEFAULT_JVM_OPTIONS, ConfigurationKeys.DEFAULT_STARTUP_TIMEOUT_SECONDS);
    }
  }

  /**
   * {@code [sandbox]}, our extension: how queries run in sandboxed per-database daemons and how
   * many of them the pool keeps. Sizes are bytes.
   *
   * @param allowUnsandboxed serve queries without Landlock/seccomp where the sandbox cannot be
   *     enforced (never the default: without it such a server refuses queries)
   * @param network whether each daemon gets a private network namespace: {@code auto}, {@code
   *     required} or {@code off}
   * @param maxDaemons the most daemons alive at once (least recently used idle ones are evicted)
   * @param idleTimeout a daemon idle this long is retired
   * @param queryTimeout the per-query time limit
   * @param maxResultRows rows beyond this are dropped and the result says it was truncated
   * @param maxResultBytes rows beyond this JSON size (quotes, escapes, {@code null}, commas and
   *     brackets counted) are dropped likewise
   * @param maxSqlBytes larger SQL bodies are refused with 413
   * @param maxValueBytes the largest string or blob SQLite may build (SQLITE_LIMIT_LENGTH)
   * @param daemonMemory RLIMIT_DATA of a daemon
   * @param maxFileSize RLIMIT_FSIZE of a daemon: no database file may grow past it
   * @param openFiles RLIMIT_NOFILE of a daemon
   * @param crashBackoffInitial after a database's daemon crashed twice in a row, no daemon starts
   *     for it for this long (doubling with each further crash); its requests get 503 with
   *     Retry-After
   * @param crashBackoffMax the longest such wait
   * @param maxNestingKeywords SQL holding more SELECT and TRIGGER keywords is refused with 400
   *     (SQLite nests CTEs, views and triggers on the daemon's request-thread stack)
   * @param maxViewsAndTriggers a statement that would add a view or trigger to a database already
   *     holding this many is refused with 400
   * @param requestStack the native stack of the daemon's request thread (bytes; counted in {@code
   *     daemonMemory}); raise it with the two caps above
   * @param prestartedLaunchers how many sandbox first stages wait, started ahead of need, for the
   *     database a new daemon is for (0: each daemon starts from nothing)
   * @param readersPerDatabase how many daemons may serve one SQLite database's read-only queries at
   *     once (its writes go through one of them, one at a time; 1: one daemon per database)
   */
  public record Sandbox(
      boolean allowUnsandboxed,
      String network,
      int maxDaemons,
      java.time.Duration idleTimeout,
      java.time.Duration queryTimeout,
      int maxResultRows,
      int maxResultBytes,
      int maxSqlBytes,
      int maxValueBytes,
      long daemonMemory,
      long maxFileSize,
      int openFiles,
      java.time.Duration crashBackoffInitial,
      java.time.Duration crashBackoffMax,
      int maxNestingKeywords,
      int maxViewsAndTriggers,
      long requestStack,
      int prestartedLaunchers,
      int readersPerDatabase) {

    /** The default of {@code prestarted_launchers}. */
    public static final int DEFAULT_PRESTARTED_LAUNCHERS = 2;

    /**
     * The default of {@code readers_per_database}: the machine's processors, at least 2 and at most
     * 4. More reader daemons than processors cannot run one database's reads at once, and each one
     * more takes memory and the others' CPU caches: on 2 processors, 4 readers of one database cost
     * each point query about a fifth more daemon CPU than 2 did.
     */
    public static final int DEFAULT_READERS_PER_DATABASE =
        Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));

    /** The default of {@code max_nesting_keywords}. */
    public static final int DEFAULT_MAX_NESTING_KEYWORDS = 500;

    /** The default of {@code max_views_and_triggers}. */
    public static final int DEFAULT_MAX_VIEWS_AND_TRIGGERS = 500;

    /** The default of {@code request_stack}: 2 MiB. */
    public static final long DEFAULT_REQUEST_STACK = 2L << 20;

    /** The default of {@code crash_backoff_initial}. */
    public static final java.time.Duration DEFAULT_CRASH_BACKOFF_INITIAL =
        java.time.Duration.ofSeconds(1);

    /** The default of {@code crash_backoff_max}. */
    public static final java.time.Duration DEFAULT_CRASH_BACKOFF_MAX =
        java.time.Duration.ofMinutes(1);

    /**
     * The settings without the crash backoff, nesting, stack and pre-start keys (their defaults
     * apply).
     */
    public Sandbox(
        boolean allowUnsandboxed,
        String network,
        int maxDaemons,
        java.time.Duration idleTimeout,
        java.time.Duration queryTimeout,
        int maxResultRows,
        int maxResultBytes,
        int maxSqlBytes,
        int maxValueBytes,
        long daemonMemory,
        long maxFileSize,
        int openFiles) {
      this(
          allowUnsandboxed,
          network,
          maxDaemons,
          idleTimeout,
          queryTimeout,
          maxResultRows,
          maxResultBytes,
          maxSqlBytes,
          maxValueBytes,
          daemonMemory,
          maxFileSize,
          openFiles,
          DEFAULT_CRASH_BACKOFF_INITIAL,
          DEFAULT_CRASH_BACKOFF_MAX,
          DEFAULT_MAX_NESTING_KEYWORDS,
          DEFAULT_MAX_VIEWS_AND_TRIGGERS,
          DEFAULT_REQUEST_STACK,
          DEFAULT_PRESTARTED_LAUNCHERS,
          DEFAULT_READERS_PER_DATABASE);
    }

    /** Network isolation values. */
    public static final List<String> NETWORK_MODES = List.of("auto", "required", "off");

    /** The values used when {@code [sandbox]} or one of its keys is absent. */
    public static Sandbox defaults() {
      return new Sandbox(
          false,
          "auto",
          16,
          java.time.Duration.ofMinutes(10),
          java.time.Duration.ofSeconds(10),
          100_000,
          4 << 20,
          1 << 20,
          8 << 20,
          64L << 20,
          1L << 30,
          32);
    }
  }

  /**
   * {@code [http]}, our extension: the limits that keep the HTTP edge standing under abuse.
   *
   * @param jsonMaxDepth the deepest nesting of arrays and objects a JSON request body may have
   * @param linkFetchesPerEntityPerHour profile-link pages one entity may have fetched per hour
   * @param linkFetchesPerHour profile-link pages the whole server fetches per hour
   * @param emailsPerClientPerHour registration and log-in e-mails one client address (an IPv6 /64)
   *     may ask for per hour, whoever they are for
   * @param anonymousSessionTimeout how long a web UI session nobody has logged in to lives idle
   * @param maxSessionsPerClient anonymous web UI sessions one client address may hold; beyond it
   *     its least recently used one ends
   * @param maxConnectionsPerClient open connections one client address (not a management address)
   *     may hold; a connection beyond it is answered 429 and closed
   * @param bodyTimeout how long a request body may take to arrive, from the request's head on,
   *     beyond the time its bytes take at {@code minBodyRate}; past it the request gets 408 and its
   *     thread is freed
   * @param maxQueryParams the most parameter values one JSON query body may bind (all statements
   *     together); more gets 400
   * @param maxBatchStatements the most statements one JSON batch body may hold; more gets 400
   * @param minBodyRate bytes per second a body's arrival must keep up for its deadline to move on
   *     (a large import over a slow link takes longer than {@code bodyTimeout}; a body trickling in
   *     below this rate is still cut off); 0: the deadline is {@code bodyTimeout} for any body
   */
  public record Http(
      int jsonMaxDepth,
      int linkFetchesPerEntityPerHour,
      int linkFetchesPerHour,
      int emailsPerClientPerHour,
      java.time.Duration anonymousSessionTimeout,
      int maxSessionsPerClient,
      int maxConnectionsPerClient,
      java.time.Duration bodyTimeout,
      int maxQueryParams,
      int maxBatchStatements,
      long minBodyRate) {

    /** The default of {@code max_query_params}. */
    public static final int DEFAULT_MAX_QUERY_PARAMS = 1000;

    /** The default of {@code max_batch_statements}. */
    public static final int DEFAULT_MAX_BATCH_STATEMENTS = 100;

    /** The default of {@code min_body_rate}: 16 KiB/s, a slow mobile uplink. */
    public static final long DEFAULT_MIN_BODY_RATE = 16 << 10;

    /** The settings without the query-body keys (their defaults apply). */
    public Http(
        int jsonMaxDepth,
        int linkFetchesPerEntityPerHour,
        int linkFetchesPerHour,
        int emailsPerClientPerHour,
        java.time.Duration anonymousSessionTimeout,
        int maxSessionsPerClient,
        int maxConnectionsPerClient,
        java.time.Duration bodyTimeout) {
      this(
          jsonMaxDepth,
          linkFetchesPerEntityPerHour,
          linkFetchesPerHour,
          emailsPerClientPerHour,
          anonymousSessionTimeout,
          maxSessionsPerClient,
          maxConnectionsPerClient,
          bodyTimeout,
          DEFAULT_MAX_QUERY_PARAMS,
          DEFAULT_MAX_BATCH_STATEMENTS,
          DEFAULT_MIN_BODY_RATE);
    }

    /** The values used when {@code [http]} or one of its keys is absent. */
    public static Http defaults() {
      return new Http(
          32,
          60,
          600,
          30,
          java.time.Duration.ofMinutes(10),
          100,
          64,
          java.time.Duration.ofSeconds(10));
    }
  }

  /**
   * {@code [management]}, our extension: who may see health details and metrics.
   *
   * @param addresses client addresses (IP literals) that may read {@code /health/live}, {@code
   *     /health/ready} and {@code /metrics}
   * @param token a bearer token that lets any address read them; empty: none
   */
  public record Management(List<String> addresses, Optional<String> token) {

    /** By default only the machine itself sees details and metrics. */
    public static Management defaults() {
      return new Management(List.of("127.0.0.1", "::1"), Optional.empty());
    }

    @Override
    public String toString() {
      return "Management[addresses=" + addresses + ", token=" + token.map(Secrets::mask) + "]";
    }
  }

  /**
   * {@code [limits]}, our extension: fair sharing of the query daemons between callers and storage
   * quotas per entity. A rate or count of 0 switches that limit off.
   *
   * @param queriesPerMinute queries one entity (all its tokens together) may start per rolling
   *     minute; beyond it 429 with Retry-After
   * @param concurrentQueries queries one entity may have running or waiting at once; beyond it 429
   * @param anonymousQueriesPerMinute queries one client address may start per minute without a
   *     token
   * @param anonymousConcurrentQueries queries one client address may have running or waiting at
   *     once without a token
   * @param anonymousQueriesPerDatabase anonymous queries (all addresses together) running or
   *     waiting on one database at once, so that the owner's own queries queue behind few of them
   * @param queueWait how long a query may wait for its database (queries to one database run one at
   *     a time) or for a free daemon; then 503 with Retry-After
   * @param trustedProxies socket peers whose {@code X-Forwarded-For} names the client address
   * @param maxDatabasesPerEntity databases one entity may own; creating more is refused with 403
   * @param maxBytesPerEntity the total size of one entity's database files; a write past it fails
   *     with 403 and creating a database at or past it too
   * @param queryHistoryLength queries the web UI keeps in one user's history of one database (the
   *     oldest are dropped); 0 keeps none
   * @param maxSavedQueriesPerEntity named queries one user may save in the web UI (all databases
   *     together); saving more is refused with 403
   * @param usernameSuggestionsPerMinute username completions one user may ask for per rolling
   *     minute in the sharing form (so that it cannot list every entity quickly); beyond it the
   *     form says to wait
   * @param concurrentExports export copies (files and SQL dumps) this server keeps at once, from
   *     the moment one is made until its download ends, all callers together; beyond it 429 with
   *     Retry-After
   * @param concurrentExportsPerClient the same for one entity (all its tokens together) or, without
   *     a token, one client address
   * @param maxDumpBytes the largest SQL dump an export writes (a dump can be many times its
   *     database: every row's INSERT names its table); beyond it 413; 0: no limit
   */
  public record Limits(
      int queriesPerMinute,
      int concurrentQueries,
      int anonymousQueriesPerMinute,
      int anonymousConcurrentQueries,
      int anonymousQueriesPerDatabase,
      java.time.Duration queueWait,
      List<String> trustedProxies,
      int maxDatabasesPerEntity,
      long maxBytesPerEntity,
      int queryHistoryLength,
      int maxSavedQueriesPerEntity,
      int usernameSuggestionsPerMinute,
      int concurrentExports,
      int concurrentExportsPerClient,
      long maxDumpBytes) {

    public Limits {
      java.util.Objects.requireNonNull(queueWait, "queueWait");
      trustedProxies = List.copyOf(trustedProxies);
    }

    /** The values used when {@code [limits]} or one of its keys is absent. */
    public static Limits defaults() {
      return new Limits(
          600,
          4,
          120,
          2,
          1,
          java.time.Duration.ofSeconds(5),
          List.of(),
          100,
          10L << 30,
          50,
          100,
          30,
          8,
          2,
          4L << 30);
    }
  }

  /** {@code public_url} if set, else {@code http://localhost:<port>}; never a trailing slash. */
  public String publicBaseUrl() {
    return publicUrl.orElse("http://localhost:" + port);
  }

  /**
   * The metadata store's JDBC settings derived from {@link #databaseUrl()}; not used for the
   * metadata store when {@link Metadata#dataSourceJndi()} names a server data source.
   */
  public MetadataStore metadataStore() {
    return MetadataStore.parse(databaseUrl);
  }

  /**
   * Every value flattened to ayb's dotted key names ({@code port}, {@code
   * authentication.fernet_key}, {@code email.smtp.smtp_host}, ...), absent optional values left
   * out. This is what the server's MicroProfile ConfigSource publishes under the prefix {@code
   * ayb.}.
   */
  public Map<String, String> asProperties() {
    return ConfigurationProperties.flatten(this);
  }

  /** Like the generated one, but the Fernet key, passwords and the S3 secret are masked. */
  @Override
  public String toString() {
    return "AybConfiguration[host="
        + host
        + ", port="
        + port
        + ", publicUrl="
        + publicUrl
        + ", databaseUrl="
        + MetadataStore.maskPassword(databaseUrl)
        + ", metadata="
        + metadata
        + ", dataPath="
        + dataPath
        + ", authentication="
        + authentication
        + ", email="
        + email
        + ", cors="
        + cors
        + ", snapshots="
        + snapshots
        + ", server="
        + server
        + ", sandbox="
        + sandbox
        + ", http="
        + http
        + ", management="
        + management
        + ", limits="
        + limits
        + ", source="
        + source
        + "]";
  }
}
