package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Responses.DatabaseDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ayb client database_details <entity/database>}. */
@Command(name = "database_details", description = "Show the details of a database")
public final class DatabaseDetailsCommand extends ClientSubcommand {

  @Mixin DatabaseArgument target;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = target.database();
    DatabaseDetails details =
        context.api().databaseDetails(database.entity(), database.database()).value();
    StringBuilder out = new StringBuilder();
    out.append("Database: ")
        .append(details.entitySlug())
        .append('/')
        .append(details.databaseSlug())
        .append('\n');
    out.append("Type: ").append(details.databaseType()).append('\n');
    String access = details.highestQueryAccessLevel();
    out.append("Access level: ").append(access == null ? "No query access" : access).append('\n');
    if (details.canManageDatabase()) {
      out.append("You have management permissions for this database\n");
    }
    if (details.forkedFrom() != null) {
      // Our servers' extension; ayb's details never have it, so ayb's output is unchanged.
      out.append("Forked from: ").append(details.forkedFrom()).append('\n');
    }
    print(out.toString());
    return ExitCodes.OK;
  }
}
