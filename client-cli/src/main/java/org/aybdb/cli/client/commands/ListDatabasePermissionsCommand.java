package org.aybdb.cli.client.commands;

import java.util.List;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Reply;
import org.aybdb.cli.client.api.Responses.Permission;
import org.aybdb.cli.client.render.Tabular;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ayb client list_database_permissions <entity/database> [--format ...]}. */
@Command(
    name = "list_database_permissions",
    description = "List the entities a database is shared with")
public final class ListDatabasePermissionsCommand extends ClientSubcommand {

  @Mixin DatabaseArgument target;

  @Mixin FormatOption format;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = target.database();
    Reply<List<Permission>> reply =
        context.api().databasePermissions(database.entity(), database.database());
    printListing(
        format.format(),
        reply,
        reply.value().isEmpty(),
        "No shared permissions for " + database,
        permissions ->
            Tabular.of(
                List.of("Entity", "Sharing level"),
                permissions.stream()
                    .map(permission -> List.of(permission.entitySlug(), permission.sharingLevel()))
                    .toList()));
    return ExitCodes.OK;
  }
}
