package org.aybdb.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JDBC side of {@code database_url}: {@code sqlite://path} (relative to the working directory,
 * or {@code sqlite:///absolute/path}) or {@code postgresql://user:password@host:port/db?params}
 * (also {@code postgres://}). User and password are percent-decoded.
 *
 * @param dialect "sqlite" or "postgresql"; also names the Flyway migration folder
 * @param dataSourceClassName the {@code javax.sql.DataSource} implementation to instantiate
 * @param jdbcUrl the JDBC URL, with an absolute file path for SQLite
 * @param user empty when not given
 * @param password empty when not given
 * @param schema the PostgreSQL {@code currentSchema} parameter, if any, so migrations can create it
 */
public record MetadataStore(
    String dialect,
    String dataSourceClassName,
    String jdbcUrl,
    String user,
    String password,
    Optional<String> schema) {

  public static final String SQLITE = "sqlite";
  public static final String POSTGRESQL = "postgresql";

  private static final String SQLITE_DATA_SOURCE = "org.sqlite.SQLiteDataSource";
  private static final String POSTGRESQL_DATA_SOURCE = "org.postgresql.ds.PGSimpleDataSource";
  private static final int DEFAULT_POSTGRESQL_PORT = 5432;

  private static final Pattern QUERY_PASSWORD =
      Pattern.compile("([?&]password=)[^&#]*", Pattern.CASE_INSENSITIVE);

  public MetadataStore {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(dataSourceClassName, "dataSourceClassName");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(schema, "schema");
  }

  /**
   * Parses a {@code database_url}.
   *
   * @throws ConfigurationException with ayb's message "Database type for {url} is not supported
   *     (currently only SQLite and PostgreSQL)" for other schemes, or a clear message for a
   *     malformed URL; the password never appears in a message
   */
  public static MetadataStore parse(String databaseUrl) {
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    if (databaseUrl.startsWith("sqlite:")) {
      return sqlite(databaseUrl);
    }
    if (databaseUrl.startsWith("postgresql://")) {
      return postgresql(databaseUrl, databaseUrl.substring("postgresql://".length()));
    }
    if (databaseUrl.startsWith("postgres://")) {
      return postgresql(databaseUrl, databaseUrl.substring("postgres://".length()));
    }
    throw new ConfigurationException(
        "Database type for "
            + maskPassword(databaseUrl)
            + " is not supported (currently only SQLite and PostgreSQL)");
  }

  /** {@code url} with the password of {@code user:password@} or {@code ?password=} as ***. */
  static String maskPassword(String url) {
    String masked = url;
    int schemeEnd = url.indexOf("://");
    if (schemeEnd >= 0) {
      int start = schemeEnd + 3;
      int at = userInfoEnd(url, start);
      int colon = url.indexOf(':', start);
      if (at >= 0 && colon >= 0 && colon < at) {
        masked = url.substring(0, colon + 1) + Secrets.MASK + url.substring(at);
      }
    }
    return QUERY_PASSWORD.matcher(masked).replaceAll("$1" + Secrets.MASK);
  }

  /**
   * The index of the '@' ending {@code user:password} after {@code start}, or -1. The last '@'
   * before the query counts, so that a password with an unencoded '@' or '/' still parses (and is
   * masked) whole.
   */
  private static int userInfoEnd(String url, int start) {
    int end = url.length();
    for (char marker : new char[] {'?', '#'}) {
      int index = url.indexOf(marker, start);
      end = index < 0 ? end : Math.min(end, index);
    }
    int at = url.lastIndexOf('@', end - 1);
    return at >= start ? at : -1;
  }

  private static MetadataStore sqlite(String url) {
    String path = url.substring("sqlite:".length());
    if (path.startsWith("//")) {
      path = path.substring(2);
    }
    // sqlx options such as ?mode=rwc do not apply to the JDBC driver.
    path = stripFrom(stripFrom(path, '#'), '?');
    if (path.isEmpty()) {
      throw malformed(url, "no database file path");
    }
    if (path.equals(":memory:")) {
      throw malformed(url, "an in-memory database cannot hold the metadata of a server");
    }
    Path file;
    try {
      file = Path.of(percentDecode(path)).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw malformed(url, "invalid file path (" + e.getReason() + ")");
    }
    return new MetadataStore(
        SQLITE, SQLITE_DATA_SOURCE, "jdbc:sqlite:" + file, "", "", Optional.empty());
  }

  private static MetadataStore postgresql(String url, String afterScheme) {
    String rest = stripFrom(afterScheme, '#');
    int questionMark = rest.indexOf('?');
    String query = questionMark < 0 ? "" : rest.substring(questionMark + 1);
    rest = questionMark < 0 ? rest : rest.substring(0, questionMark);

    String user = "";
    String password = "";
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userInfo.indexOf(':');
      user = percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? "" : percentDecode(userInfo.substring(colon + 1));
    }
    int slash = rest.indexOf('/');
    String hostAndPort = slash < 0 ? rest : rest.substring(0, slash);
    String database = slash < 0 ? "" : rest.substring(slash + 1);

    String host = hostAndPort;
    String portText = "";
    if (hostAndPort.startsWith("[")) {
      int close = hostAndPort.indexOf(']');
      if (close < 0) {
        throw malformed(url, "unterminated IPv6 address");
      }
      host = hostAndPort.substring(0, close + 1);
      String afterHost = hostAndPort.substring(close + 1);
      if (!afterHost.isEmpty() && !afterHost.startsWith(":")) {
        throw malformed(url, "unexpected text after the IPv6 address");
      }
      portText = afterHost.isEmpty() ? "" : afterHost.substring(1);
    } else {
      int colon = hostAndPort.lastIndexOf(':');
      if (colon >= 0) {
        host = hostAndPort.substring(0, colon);
        portText = hostAndPort.substring(colon + 1);
      }
    }
    if (host.isEmpty() || host.equals("[]")) {
      throw malformed(url, "no host");
    }
    int port = DEFAULT_POSTGRESQL_PORT;
    if (!portText.isEmpty()) {
      port = parsePort(url, portText);
    }
    if (database.isEmpty() || database.contains("/")) {
      throw malformed(url, "no database name (expected postgresql://user:password@host:port/db)");
    }

    Optional<String> schema = Optional.empty();
    List<String> parameters = new ArrayList<>();
    for (String parameter : query.split("&")) {
      if (parameter.isEmpty()) {
        continue;
      }
      int equals = parameter.indexOf('=');
      String name = percentDecode(equals < 0 ? parameter : parameter.substring(0, equals));
      String value = equals < 0 ? "" : parameter.substring(equals + 1);
      if (name.equals("user")) {
        // Credentials travel as data source properties, not in the JDBC URL (which gets logged).
        user = user.isEmpty() ? percentDecode(value) : user;
      } else if (name.equals("password")) {
        password = password.isEmpty() ? percentDecode(value) : password;
      } else {
        if (name.equals("currentSchema") && !value.isEmpty()) {
          schema = Optional.of(percentDecode(value));
        }
        parameters.add(parameter);
      }
    }
    String jdbcUrl =
        "jdbc:postgresql://"
            + host
            + ":"
            + port
            + "/"
            + database
            + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    return new MetadataStore(POSTGRESQL, POSTGRESQL_DATA_SOURCE, jdbcUrl, user, password, schema);
  }

  private static int parsePort(String url, String text) {
    if (!text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 5) {
      throw malformed(url, "the port is not a number between 1 and 65535");
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw malformed(url, "the port is not a number between 1 and 65535");
    }
    return port;
  }

  /** RFC 3986 percent-decoding as UTF-8; unlike URLDecoder, '+' stays '+'. */
  private static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int high = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
      if (high >= 0 && low >= 0) {
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        // Like the url crate ayb uses: a '%' that starts no valid escape stays as it is.
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String stripFrom(String text, char marker) {
    int index = text.indexOf(marker);
    return index < 0 ? text : text.substring(0, index);
  }

  private static ConfigurationException malformed(String url, String problem) {
    return new ConfigurationException("Invalid database_url " + maskPassword(url) + ": " + problem);
  }

  /** Like the generated one, but the password is masked. */
  @Override
  public String toString() {
    return "MetadataStore[dialect="
        + dialect
        + ", dataSourceClassName="
        + dataSourceClassName
        + ", jdbcUrl="
        + maskPassword(jdbcUrl)
        + ", user="
        + user
        + ", password="
        + Secrets.mask(password)
        + ", schema="
        + schema
        + "]";
  }
}
