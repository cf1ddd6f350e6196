package org.aybdb.infrastructure.security;

import java.util.Objects;

/**
 * Base58 with the Bitcoin alphabet (no {@code 0}, {@code O}, {@code I}, {@code l}), as the Rust
 * {@code bs58} crate encodes the parts of ayb's API tokens. Each leading zero byte becomes a {@code
 * 1}. The alphabet has no {@code _}, so encoded parts can be joined with it.
 */
public final class Base58 {

  /** The 58 symbols, in value order. */
  public static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private Base58() {}

  /** Encodes {@code bytes} (big-endian number) to Base58 text; empty input gives "". */
  public static String encode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    // Repeated division of the big-endian number by 58; digits come out least significant first.
    byte[] number = bytes.clone();
    char[] digits = new char[bytes.length * 2];
    int out = digits.length;
    int start = zeros;
    while (start < number.length) {
      int remainder = 0;
      for (int i = start; i < number.length; i++) {
        int value = (remainder << 8) | (number[i] & 0xff);
        number[i] = (byte) (value / 58);
        remainder = value % 58;
      }
      digits[--out] = ALPHABET.charAt(remainder);
      while (start < number.length && number[start] == 0) {
        start++;
      }
    }
    StringBuilder encoded = new StringBuilder(zeros + digits.length - out);
    encoded.append("1".repeat(zeros));
    encoded.append(digits, out, digits.length - out);
    return encoded.toString();
  }
}
