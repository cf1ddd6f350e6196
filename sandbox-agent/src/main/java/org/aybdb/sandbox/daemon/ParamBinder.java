package org.aybdb.sandbox.daemon;

import static org.aybdb.sandbox.sqlite.Sqlite3.*;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.aybdb.sandbox.protocol.Statement;
import org.aybdb.sandbox.protocol.Value;
import org.aybdb.sandbox.sqlite.Sqlite3;
import org.aybdb.sandbox.sqlite.SqliteConnection;
import org.aybdb.sandbox.sqlite.SqliteException;

/**
 * Binds a {@link Statement}'s values to a prepared statement with {@code sqlite3_bind_*}: values
 * never become SQL text. Positional values must match the statement's parameter count and it may
 * hold no named parameter; named values must cover every parameter by name ({@code :a}, {@code @a}
 * and {@code $a} all take the value of key {@code a}, or of the key spelled with its prefix) and
 * name no parameter the statement lacks.
 */
final class ParamBinder {

  private ParamBinder() {}

  /** A value that does not fit the statement's parameters; the message names the parameter. */
  static final class BindError extends Exception {
    private static final long serialVersionUID = 1L;

    BindError(String message) {
      super(message, null, false, false);
    }
  }

  static void bind(SqliteConnection conn, Pointer stmt, Statement st)
      throws BindError, SqliteException {
    int count = sqlite3_bind_parameter_count(stmt);
    if (st.byName()) {
      bindNamed(conn, stmt, st.named(), count);
      return;
    }
    if (st.positional().size() != count) {
      throw new BindError(
          "The statement has "
              + count
              + " parameter"
              + (count == 1 ? "" : "s")
              + " but "
              + st.positional().size()
              + (st.positional().size() == 1 ? " value was" : " values were")
              + " given");
    }
    for (int i = 1; i <= count; i++) {
      String name = name(stmt, i);
      if (name != null && !name.startsWith("?")) {
        throw new BindError(
            "Parameter " + name + " is named: send \"params\" as an object to bind it");
      }
      bindValue(conn, stmt, i, st.positional().get(i - 1));
    }
  }

  private static void bindNamed(
      SqliteConnection conn, Pointer stmt, Map<String, Value> values, int count)
      throws BindError, SqliteException {
    Set<String> used = new HashSet<>();
    for (int i = 1; i <= count; i++) {
      String name = name(stmt, i);
      if (name == null || name.startsWith("?")) {
        throw new BindError(
            "Parameter "
                + (name == null ? "number " + i : name)
                + " is positional: send \"params\" as an array to bind it");
      }
      String key = values.containsKey(name) ? name : name.substring(1);
      Value value = values.get(key);
      if (value == null) {
        throw new BindError("No value for parameter " + name);
      }
      used.add(key);
      bindValue(conn, stmt, i, value);
    }
    for (String key : values.keySet()) {
      if (!used.contains(key)) {
        throw new BindError(
            "Unknown parameter name \"" + key + "\": the statement has no parameter of that name");
      }
    }
  }

  private static String name(Pointer stmt, int index) {
    return Sqlite3.string(sqlite3_bind_parameter_name(stmt, index));
  }

  private static void bindValue(SqliteConnection conn, Pointer stmt, int index, Value value)
      throws SqliteException {
    int rc;
    if (value instanceof Value.Int i) {
      rc = sqlite3_bind_int64(stmt, index, i.value());
    } else if (value instanceof Value.Real r) {
      rc = sqlite3_bind_double(stmt, index, r.value());
    } else if (value instanceof Value.Text t) {
      byte[] text = t.value().getBytes(StandardCharsets.UTF_8);
      // One byte more than the text: JNA would pass NULL for an empty array, binding NULL.
      rc = sqlite3_bind_text(stmt, index, padded(text), text.length, SQLITE_TRANSIENT);
    } else if (value instanceof Value.Blob b) {
      rc = sqlite3_bind_blob(stmt, index, padded(b.value()), b.value().length, SQLITE_TRANSIENT);
    } else {
      rc = sqlite3_bind_null(stmt, index);
    }
    if (rc != SQLITE_OK) {
      throw conn.error(rc);
    }
  }

  private static byte[] padded(byte[] bytes) {
    return java.util.Arrays.copyOf(bytes, bytes.length + 1);
  }
}
