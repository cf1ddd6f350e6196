package org.aybdb.cli.client.commands;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code <database>} argument, {@code entity/database}, split as ayb splits it. */
public record EntityDatabase(String entity, String database) {

  /** ayb's {@code ^(\S+)/(\S+)$}: greedy, so {@code a/b/c} is entity {@code a/b}. */
  private static final Pattern FORMAT =
      Pattern.compile("^(\\S+)/(\\S+)\\z", Pattern.UNICODE_CHARACTER_CLASS);

  static final String MESSAGE = "Argument must be formatted as 'entity/database'";

  public static EntityDatabase parse(String value) {
    Matcher matcher = FORMAT.matcher(value);
    if (!matcher.matches()) {
      throw new TypeConversionException(MESSAGE);
    }
    return new EntityDatabase(matcher.group(1), matcher.group(2));
  }

  @Override
  public String toString() {
    return entity + "/" + database;
  }

  /** picocli's converter for {@code <database>} arguments. */
  public static final class Converter implements ITypeConverter<EntityDatabase> {
    @Override
    public EntityDatabase convert(String value) {
      return parse(value);
    }
  }
}
