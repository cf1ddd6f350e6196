package org.aybdb.sandbox.daemon;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * DuckDB values as the text of ayb's JSON cells. Follows ayb for NULL, booleans, every integer
 * width (HUGEINT and unsigned included), FLOAT/DOUBLE (shortest text, never an exponent), VARCHAR,
 * BLOB (lossy UTF-8), DATE, TIMESTAMP and TIME. Where ayb prints Rust's debug text (DECIMAL as
 * {@code Decimal(1.5)}, lists, structs, maps, intervals) we print the value itself: {@code 1.5},
 * and DuckDB's own text for the rest ({@code [1, 2]}, {@code {'a': 1}}, {@code 1 day}) — what a
 * DuckDB user reads everywhere else, and what a client can parse.
 */
public final class DuckDbValues {

  private DuckDbValues() {}

  /** Column {@code c} of the current row as cell text, or null. */
  public static String cell(ResultSet rs, int c, String typeName) throws SQLException {
    Object value = rs.getObject(c);
    if (value == null) {
      return null;
    }
    String type = typeName.toUpperCase(java.util.Locale.ROOT);
    switch (type) {
      case "DOUBLE":
        return ValueFormat.real(((Number) value).doubleValue());
      case "FLOAT":
        return real32(((Number) value).floatValue());
      case "DECIMAL":
        return ((BigDecimal) value).toPlainString();
      case "BLOB":
        return lossyUtf8(rs.getBytes(c));
      case "TIMESTAMP":
      case "TIMESTAMP_S":
      case "TIMESTAMP_MS":
      case "TIMESTAMP_NS":
        return dateTime(rs.getObject(c, LocalDateTime.class));
      case "TIMESTAMP WITH TIME ZONE":
        return dateTime(
                ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime())
            + "+00";
      case "TIME":
        return time(rs.getObject(c, LocalTime.class));
      default:
        if (type.startsWith("DECIMAL")) {
          return ((BigDecimal) value).toPlainString();
        }
        return rs.getString(c);
    }
  }

  /** Rust's f32 Display: the shortest text that reads back as the same float, no exponent. */
  static String real32(float f) {
    if (Float.isNaN(f)) {
      return "NaN";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "inf" : "-inf";
    }
    if (f == 0) {
      return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
    }
    return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
  }

  /** {@code YYYY-MM-DD HH:MM:SS[.fraction]}, as chrono prints a naive date-time. */
  static String dateTime(LocalDateTime t) {
    return t.toLocalDate() + " " + time(t.toLocalTime());
  }

  /** {@code HH:MM:SS[.fraction]} with 3, 6 or 9 fraction digits, as chrono prints a time. */
  static String time(LocalTime t) {
    String hms = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int nanos = t.getNano();
    if (nanos == 0) {
      return hms;
    }
    if (nanos % 1_000_000 == 0) {
      return hms + String.format(".%03d", nanos / 1_000_000);
    }
    if (nanos % 1_000 == 0) {
      return hms + String.format(".%06d", nanos / 1_000);
    }
    return hms + String.format(".%09d", nanos);
  }

  static String lossyUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException(e); // REPLACE never throws
    }
  }
}
