package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.aybdb.application.AybException;
import org.junit.jupiter.api.Test;

class DumpLimitTest {

  @Test
  void aDumpMayReachTheLimitButNotPassIt() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    DumpLimit out = new DumpLimit(file, 10, "e/d");
    out.write(new byte[6], 0, 6);
    out.write('x');
    out.write(new byte[3], 0, 3);
    assertEquals(10, file.size());
    AybException refused = assertThrows(AybException.class, () -> out.write('y'));
    assertEquals(AybException.Kind.TOO_LARGE, refused.kind());
    assertTrue(refused.getMessage().contains("e/d"), refused.getMessage());
    assertEquals(10, file.size(), "nothing past the limit is written");
  }

  @Test
  void zeroMeansNoLimit() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    DumpLimit out = new DumpLimit(file, 0, "e/d");
    out.write(new byte[1 << 20], 0, 1 << 20);
    assertEquals(1 << 20, file.size());
  }
}
