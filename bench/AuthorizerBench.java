import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.aybdb.sandbox.sqlite.AccessPolicy;
import org.aybdb.sandbox.sqlite.Sqlite3;
import org.aybdb.sandbox.sqlite.SqliteConnection;

/**
 * What the access policy (SQLite's authorizer, a JNA callback per action) costs a point query:
 * prepare, step and finalize of "SELECT * FROM t WHERE id = ?"-like text on one connection with the
 * authorizer, against the same on a connection without it (the baseline), alternating rounds.
 */
public final class AuthorizerBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path dir = Files.createTempDirectory("authorizer-bench");
    Path file = dir.resolve("b.sqlite");
    var settings = new SqliteConnection.Settings(1 << 20, 1 << 20, 0, 1000);
    try (SqliteConnection setup = SqliteConnection.open(file, false, settings)) {
      setup.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c REAL)");
      setup.exec(
          "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)"
              + " INSERT INTO t SELECT x, 'row ' || x, x * 2, x / 3.0 FROM c");
    }
    try (SqliteConnection plain = SqliteConnection.open(file, true, settings);
        SqliteConnection guarded = SqliteConnection.open(file, true, settings)) {
      guarded.enforce(new AccessPolicy(true));
      Random random = new Random(1);
      double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
      for (int round = 0; round < 6; round++) {
        best[0] = Math.min(best[0], run(plain, n, random));
        best[1] = Math.min(best[1], run(guarded, n, random));
      }
      System.out.printf(
          "point SELECT, prepare+step+finalize (best of 6 rounds of %d):%n"
              + "  without authorizer (baseline): %.2f us%n"
              + "  with the access policy:        %.2f us (+%.2f us, +%.0f%%)%n",
          n, best[0], best[1], best[1] - best[0], 100 * (best[1] / best[0] - 1));
    }
  }

  private static double run(SqliteConnection conn, int n, Random random) throws Exception {
    Memory sql = new Memory(256);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      byte[] text =
          ("SELECT id, a, b, c FROM t WHERE id = " + (1 + random.nextInt(100_000)) + "\0")
              .getBytes(StandardCharsets.UTF_8);
      sql.write(0, text, 0, text.length);
      Pointer stmt = conn.prepare(sql, text.length - 1);
      while (Sqlite3.sqlite3_step(stmt) == Sqlite3.SQLITE_ROW) {
        Sqlite3.sqlite3_column_int64(stmt, 0);
      }
      Sqlite3.sqlite3_finalize(stmt);
    }
    return (System.nanoTime() - start) / 1000.0 / n;
  }
}
