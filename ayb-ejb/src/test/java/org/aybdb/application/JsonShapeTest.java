package org.aybdb.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonShapeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        " {\"a\": [1, {\"b\": \"]]]}}}\"}]} \n",
        "[[[[]]]]",
        "\"text with \\\" quote\"",
        "12",
        "true ",
        "{\"a\": \"{{{{{{{{\"}"
      })
  void acceptable(String json) {
    assertEquals(Optional.empty(), JsonShape.problem(json, 4), json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[[[[[]]]]]", "{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}"})
  void tooDeep(String json) {
    assertEquals(Optional.of("JSON nesting is deeper than 4 levels"), JsonShape.problem(json, 4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{} x", "{}{}", "[] []", "\"a\" \"b\"", "1 2", "{\"a\":1}]"})
  void trailingContent(String json) {
    assertEquals(
        Optional.of("unexpected content after the JSON value"), JsonShape.problem(json, 4), json);
  }

  @ParameterizedTest
  @ValueSource(ints = {1_200, 100_000})
  void aDeepTextIsRefusedWithoutRecursion(int depth) {
    assertEquals(
        Optional.of("JSON nesting is deeper than 32 levels"),
        JsonShape.problem("[".repeat(depth), 32));
  }

  @Test
  void theValuesOfAllArraysAndObjectsTogetherAreCounted() {
    // Three openings and three commas; the one inside the string does not count.
    assertEquals(
        Optional.empty(), JsonShape.problem("{\"a\":[1,2,3],\"b\":{\"c\":\"x,y\"}}", 8, 6));
    assertEquals(
        Optional.of("the JSON holds more than 5 values"),
        JsonShape.problem("{\"a\":[1,2,3],\"b\":{\"c\":\"x,y\"}}", 8, 5));
    assertEquals(Optional.empty(), JsonShape.problem("[]", 8, 1));
    assertEquals(
        Optional.of("the JSON holds more than 3 values"),
        JsonShape.problem("[" + "0,".repeat(100_000) + "0]", 8, 3));
  }
}
