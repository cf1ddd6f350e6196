package org.aybdb.sandbox.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.aybdb.sandbox.protocol.QueryMode;
import org.junit.jupiter.api.BeforeEach;

/** An executor over a database whose owner has a table {@code t}, for attacks on it. */
abstract class OwnersTableTestBase extends ExecutorTestBase {

  static final QueryMode RO = QueryMode.READ_ONLY;
  static final QueryMode RW = QueryMode.READ_WRITE;

  @BeforeEach
  void data() throws IOException {
    ok(RW, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t(name) VALUES ('ann')");
  }

  /** The owner's query still works afterwards. */
  void ownerStillWorks() throws IOException {
    assertEquals(List.of(List.of("1", "ann")), ok(RW, "SELECT id, name FROM t").rows());
    assertEquals(List.of(List.of("1", "ann")), ok(RO, "SELECT id, name FROM t").rows());
  }
}
