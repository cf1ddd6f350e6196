package org.aybdb.cli.client.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRendererTest {

  private static String render(List<String> headers, List<List<String>> rows) {
    return CsvRenderer.render(Tabular.of(headers, rows));
  }

  @Test
  void aybsExampleByteForByte() {
    assertEquals(
        "fname,lname\nthe first,the last\nthe first2,the last2\n",
        render(
            List.of("fname", "lname"),
            List.of(List.of("the first", "the last"), List.of("the first2", "the last2"))));
  }

  @Test
  void quotesOnlyWhenNeeded() {
    assertEquals(
        "a,b,c,d,e\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",' plain ',\"cr\rhere\"\n",
        render(
            List.of("a", "b", "c", "d", "e"),
            List.of(List.of("x,y", "say \"hi\"", "two\nlines", "' plain '", "cr\rhere"))));
  }

  @Test
  void emptyFieldsAreBareExceptAsTheOnlyFieldOfALine() {
    assertEquals("a,b\n,\n", render(List.of("a", "b"), List.of(List.of("", ""))));
    assertEquals("a\n\"\"\n", render(List.of("a"), List.of(List.of(""))));
  }

  @Test
  void profileExamplesOfAyb() {
    List<String> headers =
        List.of("Display name", "Description", "Organization", "Location", "Links");
    assertEquals(
        "Display name,Description,Organization,Location,Links\nEntity 0,null,null,null,\n",
        render(headers, List.of(List.of("Entity 0", "null", "null", "null", ""))));
    assertEquals(
        "Display name,Description,Organization,Location,Links\n"
            + "Entity 0,null,null,null,\"http://ayb.host/,http://ayb2.host\"\n",
        render(
            headers,
            List.of(
                List.of("Entity 0", "null", "null", "null", "http://ayb.host/,http://ayb2.host"))));
  }

  @Test
  void multiByteTextIsWrittenAsIs() {
    assertEquals("名前\n漢字\n", render(List.of("名前"), List.of(List.of("漢字"))));
  }
}
