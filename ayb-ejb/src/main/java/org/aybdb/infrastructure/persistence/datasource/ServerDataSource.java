package org.aybdb.infrastructure.persistence.datasource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.naming.InitialContext;
import javax.naming.NameClassPair;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Looks up the data source the server provides under {@code [metadata] datasource_jndi}. A missing
 * or wrong name fails with one message that says which name was asked for and what the server has
 * near it, because an operator fixes such a typo in the server's console, not in a stack trace.
 */
public final class ServerDataSource {

  /** The configuration key, as named in messages. */
  public static final String KEY = "metadata.datasource_jndi (AYB__METADATA__DATASOURCE_JNDI)";

  private static final int LISTED_NAMES = 20;

  // One lookup per name and deployment: the persistence unit, the migrations and the health probe
  // all ask, and the answer does not change while the application runs.
  private static final ConcurrentMap<String, DataSource> FOUND = new ConcurrentHashMap<>();

  private ServerDataSource() {}

  /**
   * @param name the configured JNDI name, e.g. {@code jdbc/ayb} or {@code
   *     java:jboss/datasources/ayb}
   * @throws IllegalStateException naming the JNDI name and what was found instead
   */
  public static DataSource lookup(String name) {
    Objects.requireNonNull(name, "name");
    DataSource known = FOUND.get(name);
    if (known != null) {
      return known;
    }
    Object found;
    try {
      found = new InitialContext().lookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException(
          "The metadata data source `"
              + name
              + "` named by "
              + KEY
              + " is not bound on this server ("
              // Only the kind: servers put their whole naming environment into the message.
              + e.getClass().getSimpleName()
              + "). "
              + siblings(name),
          e);
    }
    if (!(found instanceof DataSource dataSource)) {
      throw new IllegalStateException(
          "The JNDI name `"
              + name
              + "` named by "
              + KEY
              + " is bound to "
              + (found == null ? "nothing (null)" : "a " + found.getClass().getName())
              + ", not to a javax.sql.DataSource");
    }
    FOUND.putIfAbsent(name, dataSource);
    return dataSource;
  }

  /** What the server has bound next to {@code name}, so that a typo shows itself. */
  static String siblings(String name) {
    int slash = name.lastIndexOf('/');
    String parent = slash < 0 ? "" : name.substring(0, slash);
    String where = parent.isEmpty() ? "the server's root context" : "`" + parent + "`";
    List<String> names = new ArrayList<>();
    try {
      NamingEnumeration<NameClassPair> bound = new InitialContext().list(parent);
      while (bound.hasMore() && names.size() < LISTED_NAMES) {
        names.add(bound.next().getName());
      }
    } catch (NamingException | RuntimeException e) {
      return "Nothing could be listed under " + where + ".";
    }
    if (names.isEmpty()) {
      return "Nothing is bound under " + where + ".";
    }
    names.sort(null);
    return "Bound under " + where + ": " + String.join(", ", names) + ".";
  }
}
