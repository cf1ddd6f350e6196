package org.aybdb.cli.client.commands;

import picocli.CommandLine.Parameters;

/** The {@code <database>} argument ({@code entity/database}) that comes first in many commands. */
public final class DatabaseArgument {

  @Parameters(
      index = "0",
      paramLabel = "<database>",
      converter = EntityDatabase.Converter.class,
      description = "The database, as entity/database (e.g., marcua/test.sqlite)")
  EntityDatabase database;

  public EntityDatabase database() {
    return database;
  }
}
