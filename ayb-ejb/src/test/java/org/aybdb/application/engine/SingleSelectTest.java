package org.aybdb.application.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SingleSelectTest {

  @Test
  void oneSelectStatementIsRecognized() {
    assertTrue(SingleSelect.is("SELECT * FROM t WHERE id = 5"));
    assertTrue(SingleSelect.is("  \n\tselect 1"));
    assertTrue(SingleSelect.is("SeLeCt(1)"));
    assertTrue(SingleSelect.is("SELECT 1;"));
    assertTrue(SingleSelect.is("SELECT 1 ; ;\n"));
    assertTrue(SingleSelect.is("SELECT 1 -- a comment"));
    assertTrue(SingleSelect.is("select*from t"));
  }

  @Test
  void anythingThatMayWriteOrHoldASecondStatementIsNot() {
    assertFalse(SingleSelect.is("INSERT INTO t VALUES (1)"));
    assertFalse(SingleSelect.is("SELECT 1; INSERT INTO t VALUES (1)"));
    assertFalse(SingleSelect.is("SELECT 1;DELETE FROM t"));
    assertFalse(SingleSelect.is("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"));
    assertFalse(SingleSelect.is("/* c */ SELECT 1"));
    assertFalse(SingleSelect.is("-- c\nSELECT 1"));
    assertFalse(SingleSelect.is("SELECTED"));
    assertFalse(SingleSelect.is("select_x"));
    assertFalse(SingleSelect.is("SELECT 'a;b'"));
    assertFalse(SingleSelect.is("SELECT 1 /* ; */"));
    assertFalse(SingleSelect.is("SELEC"));
    assertFalse(SingleSelect.is(""));
    assertFalse(SingleSelect.is("VACUUM"));
    assertFalse(SingleSelect.is("PRAGMA max_page_count = 1"));
  }
}
