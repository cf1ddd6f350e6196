package org.aybdb.cli.client.commands;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A value from a fixed list, spelled as ayb's wire format spells it ({@code no-access}, ...): the
 * converter that checks it and the candidates that help and shell completion list.
 */
public abstract class Choice implements ITypeConverter<String>, Iterable<String> {

  private final List<String> values;

  protected Choice(String... values) {
    this.values = List.of(values);
  }

  @Override
  public String convert(String value) {
    if (values.contains(value)) {
      return value;
    }
    throw new TypeConversionException(
        "'" + value + "' is not one of: " + String.join(", ", values));
  }

  @Override
  public Iterator<String> iterator() {
    return values.iterator();
  }

  /** Entity types. */
  public static final class EntityType extends Choice {
    public EntityType() {
      super("user", "organization");
    }
  }

  /** Database types. */
  public static final class DatabaseType extends Choice {
    public DatabaseType() {
      super("sqlite", "duckdb");
    }
  }

  /** What the public (anyone, without a token) may do with a database. */
  public static final class PublicSharingLevel extends Choice {
    public PublicSharingLevel() {
      super("no-access", "fork", "read-only");
    }
  }

  /** What an entity may do with a database shared with it. */
  public static final class SharingLevel extends Choice {
    public SharingLevel() {
      super("no-access", "read-only", "read-write", "manager");
    }
  }

  /** Output formats. */
  public static final class Format extends Choice {
    public Format() {
      super("table", "csv", "json");
    }
  }
}
