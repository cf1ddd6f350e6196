package org.aybdb.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base58Test {

  @ParameterizedTest
  @CsvSource({
    "'', ''",
    "61, 2g",
    "626262, a3gV",
    "73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
    "00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
    "516b6fcd0f, ABnLTmg",
    "bf4f89001e670274dd, 3SEo3LWLoPntC",
    "00000000000000000000, 1111111111",
    "0000287fb4cd, 11233QC4",
    "ffffffffffffffff, jpXCZedGfVQ",
    "ffffffffffffffffffffffffffffffffffffffffffffffff, QLbz7JHiBTspS962RLKV8GndWFwiEaqKL",
  })
  void encodesBitcoinTestVectors(String hex, String expected) {
    assertEquals(expected, Base58.encode(HexFormat.of().parseHex(hex)));
  }

  @Test
  void encodesText() {
    assertEquals(
        "2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void agreesWithBigIntegerArithmeticOnRandomInput() {
    Random random = new Random(58);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      if (bytes.length > 0 && random.nextBoolean()) {
        bytes[0] = 0;
      }
      assertEquals(reference(bytes), Base58.encode(bytes), HexFormat.of().formatHex(bytes));
    }
  }

  @Test
  void theAlphabetLeavesOutLookAlikesAndTheUnderscore() {
    assertEquals(58, Base58.ALPHABET.length());
    assertEquals(58, Base58.ALPHABET.chars().distinct().count());
    for (char c : "0OIl_".toCharArray()) {
      assertTrue(Base58.ALPHABET.indexOf(c) < 0, String.valueOf(c));
    }
  }

  @Test
  void doesNotChangeItsInput() {
    byte[] bytes = {0, 1, 2, 3};
    Base58.encode(bytes);
    assertEquals("00010203", HexFormat.of().formatHex(bytes));
  }

  // An independent definition: the number in base 58, one '1' per leading zero byte.
  private static String reference(byte[] bytes) {
    StringBuilder digits = new StringBuilder();
    BigInteger number = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(58);
    while (number.signum() > 0) {
      BigInteger[] division = number.divideAndRemainder(base);
      digits.append(Base58.ALPHABET.charAt(division[1].intValue()));
      number = division[0];
    }
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    return "1".repeat(zeros) + digits.reverse();
  }
}
