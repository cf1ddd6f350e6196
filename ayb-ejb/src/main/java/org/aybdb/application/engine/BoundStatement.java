package org.aybdb.application.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One SQL statement with the values bound to its parameters, positional ({@code ?}, {@code ?NNN})
 * or by name ({@code :name}, {@code @name}, {@code $name}; the key without its prefix), never both.
 * A value is {@code null} (NULL), a {@link Long} (INTEGER), a {@link Double} (REAL), a {@link
 * String} (TEXT) or a {@code byte[]} (BLOB). The engine binds them; they never become SQL text.
 */
public record BoundStatement(String sql, List<Object> positional, Map<String, Object> named) {

  public BoundStatement {
    Objects.requireNonNull(sql, "sql");
    positional = Collections.unmodifiableList(new java.util.ArrayList<>(positional));
    named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
    if (!positional.isEmpty() && !named.isEmpty()) {
      throw new IllegalArgumentException("parameters are either positional or named");
    }
    for (Object v : positional) {
      requireValue(v);
    }
    for (Object v : named.values()) {
      requireValue(v);
    }
  }

  /** How many values are bound. */
  public int parameterCount() {
    return positional.size() + named.size();
  }

  private static void requireValue(Object v) {
    if (v != null
        && !(v instanceof Long)
        && !(v instanceof Double)
        && !(v instanceof String)
        && !(v instanceof byte[])) {
      throw new IllegalArgumentException("not a SQLite value: " + v.getClass());
    }
  }
}
