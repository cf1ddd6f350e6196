package org.aybdb.sandbox.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One SQL statement of a {@link Request.Batch} with the values to bind to its parameters: either
 * positional ({@code ?}, {@code ?NNN}: the n-th value binds parameter number n) or by name ({@code
 * :name}, {@code @name}, {@code $name}: the key is the name without its prefix), never both. The
 * daemon binds them with {@code sqlite3_bind_*}; they never become SQL text.
 */
public record Statement(String sql, List<Value> positional, Map<String, Value> named) {

  public Statement {
    Objects.requireNonNull(sql, "sql");
    positional = List.copyOf(positional);
    named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
    if (!positional.isEmpty() && !named.isEmpty()) {
      throw new IllegalArgumentException("parameters are either positional or named");
    }
  }

  /** A statement without parameters. */
  public static Statement of(String sql) {
    return new Statement(sql, List.of(), Map.of());
  }

  /** Whether the values are named. */
  public boolean byName() {
    return !named.isEmpty();
  }

  /** How many values there are. */
  public int parameterCount() {
    return positional.size() + named.size();
  }
}
