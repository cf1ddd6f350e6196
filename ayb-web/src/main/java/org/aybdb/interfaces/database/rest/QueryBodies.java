package org.aybdb.interfaces.database.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.BoundStatement;
import org.aybdb.application.engine.StatementBatch;
import org.aybdb.interfaces.rest.TextBodies;

/**
 * Reads the JSON query bodies: {@code {"query": "...", "params": [...] | {...}}} (one statement)
 * and {@code {"statements": [{"query": ..., "params": ...}, ...]}} (an atomic batch). A parameter
 * value is JSON null, a number (integral: a 64-bit INTEGER, exactly; else a REAL), a string, a
 * boolean (1 or 0) or {@code {"base64": "..."}} (a BLOB). Every mistake is a 400 {@code QueryError}
 * that names where it is ({@code params[1]}, {@code statements[2].params.name}).
 */
final class QueryBodies {

  private static final Set<String> SINGLE = Set.of("query", "params");

  private QueryBodies() {}

  /**
   * The most JSON values (elements and members) a body within both caps can hold: each parameter at
   * most a typed object of a few members, each statement an object with its query and parameters. A
   * larger body is refused before its tree is built (a 2 MiB body of small numbers would take tens
   * of megabytes as one).
   */
  static int mostValues(int maxParams, int maxStatements) {
    return (int) Math.min(Integer.MAX_VALUE, 4L * maxParams + 5L * maxStatements + 32);
  }

  /**
   * The statements of {@code body}.
   *
   * @param typed whether the caller asked for typed results
   * @param maxParams the most values all statements may bind together
   * @param maxStatements the most statements a batch may hold
   */
  static StatementBatch parse(JsonObject body, boolean typed, int maxParams, int maxStatements) {
    if (body.containsKey("statements")) {
      requireOnly(body, Set.of("statements"), "");
      if (!(body.get("statements") instanceof JsonArray items) || items.isEmpty()) {
        throw bad("`statements` must be a non-empty array of {\"query\": ..., \"params\": ...}");
      }
      if (items.size() > maxStatements) {
        throw bad(
            "The batch holds "
                + items.size()
                + " statements; at most "
                + maxStatements
                + " are allowed ([http] max_batch_statements)");
      }
      List<BoundStatement> statements = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        String where = "statements[" + i + "]";
        if (!(items.get(i) instanceof JsonObject item)) {
          throw bad(where + " must be an object {\"query\": ..., \"params\": ...}");
        }
        statements.add(statement(item, where + "."));
      }
      return checked(new StatementBatch(statements, true, typed), maxParams);
    }
    return checked(new StatementBatch(List.of(statement(body, "")), false, typed), maxParams);
  }

  private static StatementBatch checked(StatementBatch batch, int maxParams) {
    int count = 0;
    for (BoundStatement s : batch.statements()) {
      count += s.parameterCount();
    }
    if (count > maxParams) {
      throw bad(
          "The body binds "
              + count
              + " parameters; at most "
              + maxParams
              + " are allowed ([http] max_query_params)");
    }
    return batch;
  }

  private static BoundStatement statement(JsonObject object, String prefix) {
    requireOnly(object, SINGLE, prefix);
    if (!(object.get("query") instanceof JsonString query)) {
      throw bad("`" + prefix + "query` must be a string holding the SQL");
    }
    String sql = whole(TextBodies.requireNoNul(query.getString()), "`" + prefix + "query` holds");
    JsonValue params = object.getOrDefault("params", JsonValue.NULL);
    String where = prefix + "params";
    if (params instanceof JsonArray array) {
      List<Object> values = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        values.add(value(array.get(i), where + "[" + i + "]"));
      }
      return new BoundStatement(sql, values, Map.of());
    }
    if (params instanceof JsonObject named) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> e : named.entrySet()) {
        if (e.getKey().isEmpty()) {
          throw bad("`" + where + "` holds an empty parameter name");
        }
        whole(e.getKey(), "`" + where + "` holds a parameter name with");
        values.put(e.getKey(), value(e.getValue(), where + "." + e.getKey()));
      }
      return new BoundStatement(sql, List.of(), values);
    }
    if (params.getValueType() != JsonValue.ValueType.NULL) {
      throw bad("`" + where + "` must be an array (positional) or an object (named)");
    }
    return new BoundStatement(sql, List.of(), Map.of());
  }

  /** One parameter value as a SQLite value ({@link BoundStatement} lists the Java types). */
  static Object value(JsonValue v, String where) {
    switch (v.getValueType()) {
      case NULL:
        return null;
      case TRUE:
        return 1L;
      case FALSE:
        return 0L;
      case STRING:
        return whole(((JsonString) v).getString(), "`" + where + "` holds");
      case NUMBER:
        JsonNumber n = (JsonNumber) v;
        if (n.isIntegral()) {
          try {
            return n.bigIntegerValueExact().longValueExact();
          } catch (ArithmeticException e) {
            throw bad(
                "`"
                    + where
                    + "` is "
                    + n
                    + ", outside SQLite's 64-bit integers; send it as a string or a real");
          }
        }
        double d = n.doubleValue();
        if (Double.isInfinite(d)) {
          throw bad("`" + where + "` is " + n + ", too large for a 64-bit real");
        }
        return d;
      case OBJECT:
        JsonObject o = (JsonObject) v;
        if (o.size() == 1 && o.get("base64") instanceof JsonString b64) {
          try {
            return Base64.getDecoder().decode(b64.getString());
          } catch (IllegalArgumentException e) {
            throw bad("`" + where + "` is not valid base64: " + e.getMessage());
          }
        }
        break;
      default:
        break;
    }
    throw bad(
        "`"
            + where
            + "` must be null, a number, a string, a boolean or {\"base64\": \"...\"} (a blob)");
  }

  /**
   * {@code text}, refused when it holds half a surrogate pair ({@code "\\ud800"} spells one): no
   * character, it would reach SQLite as {@code ?}, a parameter marker in SQL, other data in a
   * value.
   */
  private static String whole(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw bad(
            what + " half a UTF-16 surrogate pair (at character " + i + "), which is no character");
      }
    }
    return text;
  }

  private static void requireOnly(JsonObject object, Set<String> allowed, String prefix) {
    for (String key : object.keySet()) {
      if (!allowed.contains(key)) {
        throw bad(
            "Unknown member `"
                + prefix
                + key
                + "`; a query body is {\"query\": ..., \"params\": ...} or {\"statements\": [...]}");
      }
    }
  }

  private static AybException bad(String message) {
    return new AybException(ErrorType.QueryError, AybException.Kind.INVALID_INPUT, message);
  }
}
