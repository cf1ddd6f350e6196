package org.aybdb.interfaces.database.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridCellTest {

  @Test
  void aBlobsHexIsShownAsBytePairsSixteenALine() {
    GridCell blob = new GridCell("<blob: 17 bytes>", "blob", "00FF10" + "AB".repeat(14));
    assertTrue(blob.isBlob());
    assertEquals("00 FF 10 AB AB AB AB AB AB AB AB AB AB AB AB AB\nAB", blob.getHexText());
  }

  @Test
  void otherCellsHaveNoHex() {
    GridCell text = new GridCell("hello", "text");
    assertFalse(text.isBlob());
    assertNull(text.getHexText());
    assertFalse(GridCell.untyped("12").isBlob());
  }
}
