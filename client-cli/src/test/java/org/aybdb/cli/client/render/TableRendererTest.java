package org.aybdb.cli.client.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {

  private static String render(List<String> headers, List<List<String>> rows) {
    return TableRenderer.render(Tabular.of(headers, rows));
  }

  @Test
  void aybsExampleByteForByte() {
    String table =
        render(
            List.of("fname", "lname"),
            List.of(List.of("the first", "the last"), List.of("the first2", "the last2")));

    assertEquals(
        " fname      | lname \n"
            + "------------+-----------\n"
            + " the first  | the last \n"
            + " the first2 | the last2 \n",
        table);
  }

  @Test
  void singleColumnIsNotPadded() {
    assertEquals(
        " the_count \n-----------\n 4 \n", render(List.of("the_count"), List.of(List.of("4"))));
  }

  @Test
  void onlyTheLastColumnIsLeftUnpadded() {
    String table =
        render(
            List.of("a", "bb", "c"), List.of(List.of("xxxx", "y", "zzzzzz"), List.of("", "", "")));

    assertEquals(
        " a    | bb | c \n"
            + "------+----+--------\n"
            + " xxxx | y  | zzzzzz \n"
            + "      |    |  \n",
        table);
  }

  @Test
  void wideCharactersCountTwoColumnsAndCombiningMarksNone() {
    String table =
        render(
            List.of("name", "n"),
            List.of(List.of("漢字", "1"), List.of("e\u0301te\u0301", "2"), List.of("ascii", "3")));

    // 漢字 is 4 columns wide, "étè" (e + combining acute) 3, so the column is 5 wide.
    assertEquals(
        " name  | n \n"
            + "-------+---\n"
            + " 漢字  | 1 \n"
            + " e\u0301te\u0301   | 2 \n"
            + " ascii | 3 \n",
        table);
  }

  @Test
  void emojiAndFullwidthFormsAreWide() {
    assertEquals(2, DisplayWidth.of("😀"));
    assertEquals(2, DisplayWidth.of("Ａ"));
    assertEquals(6, DisplayWidth.of("한국어"));
    assertEquals(1, DisplayWidth.of("é"));
    assertEquals(0, DisplayWidth.of("\u200b"));
    assertEquals(3, DisplayWidth.of("\u001b[1mabc\u001b[0m"));
  }

  @Test
  void aCellWithLineBreaksTakesSeveralLines() {
    String table = render(List.of("a", "b"), List.of(List.of("one\r\ntwo\n", "x")));

    assertEquals(" a   | b \n-----+---\n one | x \n two |  \n", table);
  }

  @Test
  void shortRowsAreFilledWithEmptyCells() {
    String table = render(List.of("a", "b"), List.of(List.of("1")));

    assertEquals(" a | b \n---+---\n 1 |  \n", table);
  }
}
