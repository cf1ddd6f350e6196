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

  @Test
  void typedValuesKeepTheirStorageClassAndABlobItsBytes() {
    byte[] bytes = new byte[300];
    bytes[0] = (byte) 0xff;
    GridCell blob = GridCell.typed(bytes);
    assertEquals("<blob: 300 bytes>", blob.text());
    assertEquals(2 * GridCell.HEX_BYTES, blob.hex().length(), "the first 256 bytes");
    assertTrue(blob.hex().startsWith("FF00"));
    assertEquals("cell-integer cell-number", GridCell.typed(12L).getStyleClass());
    assertEquals("cell-real cell-number", GridCell.typed(1.5).getStyleClass());
    assertEquals("1.5", GridCell.typed(1.5).text());
    assertEquals("cell-text", GridCell.typed("12").getStyleClass(), "a number in TEXT is text");
    assertTrue(GridCell.typed(null).isNullValue());
  }
}
