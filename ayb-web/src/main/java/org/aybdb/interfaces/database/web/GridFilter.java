package org.aybdb.interfaces.database.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One per-column condition of the results grid, written in the URL as Datasette writes it ({@code
 * column__exact=value}) and turned into SQL with a quoted identifier and a bound parameter.
 */
public record GridFilter(String column, Operator operator, String value) implements Serializable {

  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");

  public GridFilter {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(operator, "operator");
    value = value == null ? "" : value;
  }

  /** What a filter tests. */
  public enum Operator {
    EXACT("exact", "equals"),
    CONTAINS("contains", "contains"),
    GTE("gte", "at least"),
    LTE("lte", "at most"),
    ISNULL("isnull", "is null"),
    NOTNULL("notnull", "is not null");

    private final String key;
    private final String label;

    Operator(String key, String label) {
      this.key = key;
      this.label = label;
    }

    public String getKey() {
      return key;
    }

    public String getLabel() {
      return label;
    }

    public boolean isTakesValue() {
      return this != ISNULL && this != NOTNULL;
    }

    static Optional<Operator> of(String key) {
      return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
    }
  }

  /**
   * A filter from a URL parameter such as {@code body__contains}; empty when the name is not one.
   */
  static Optional<GridFilter> fromParameter(String name, String value) {
    int split = name.lastIndexOf("__");
    if (split <= 0) {
      return Optional.empty();
    }
    return Operator.of(name.substring(split + 2).toLowerCase(Locale.ROOT))
        .map(operator -> new GridFilter(name.substring(0, split), operator, value));
  }

  /** The URL parameter's name. */
  String parameter() {
    return column + "__" + operator.key;
  }

  /**
   * The condition as SQL over the quoted column, its value a {@code ?} placeholder bound to {@link
   * #values()} when {@code bound}, else written in as a literal (for SQL a person edits and runs).
   */
  String sql(boolean bound) {
    String column = SqlText.identifier(this.column);
    String operand = values().isEmpty() ? "" : bound ? "?" : literal(values().get(0));
    return switch (operator) {
      case EXACT -> column + " = " + operand;
      case CONTAINS -> column + " LIKE " + operand + " ESCAPE '\\'";
      case GTE -> column + " >= " + operand;
      case LTE -> column + " <= " + operand;
      case ISNULL -> column + " IS NULL";
      case NOTNULL -> column + " IS NOT NULL";
    };
  }

  /**
   * The values bound to {@link #sql}'s placeholder: none, or one. A number stays a number (so that
   * it compares as one: a {@link Long} or a {@link Double}); anything else is text.
   */
  List<Object> values() {
    if (!operator.isTakesValue()) {
      return List.of();
    }
    if (operator == Operator.CONTAINS) {
      return List.of(
          "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    String trimmed = value.strip();
    if (!NUMBER.matcher(trimmed).matches()) {
      return List.of(value);
    }
    return List.of(
        trimmed.indexOf('.') < 0 ? (Object) Long.valueOf(trimmed) : Double.valueOf(trimmed));
  }

  /** A bound value as SQL would write it. */
  static String literal(Object value) {
    return value instanceof String text ? SqlText.literal(text) : String.valueOf(value);
  }

  /** How the filter reads in its chip. */
  public String getDescription() {
    return column + " " + operator.label + (operator.isTakesValue() ? " " + value : "");
  }
}
