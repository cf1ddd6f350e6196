package org.aybdb.cli.client.commands;

import java.util.List;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Reply;
import org.aybdb.cli.client.api.Responses.EntityDetails;
import org.aybdb.cli.client.render.Tabular;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ayb client list <entity> [--format ...]}: the entity's databases the caller can see. */
@Command(name = "list", description = "List the databases of a given entity")
public final class ListCommand extends ClientSubcommand {

  @Parameters(index = "0", paramLabel = "<entity>", description = "The entity to query")
  String entity;

  @Mixin FormatOption format;

  @Override
  protected int run(ClientContext context) {
    Reply<EntityDetails> reply = context.api().entityDetails(entity);
    printListing(
        format.format(),
        reply,
        reply.value().databases().isEmpty(),
        "No queryable databases owned by " + entity,
        details ->
            Tabular.of(
                List.of("Database slug", "Type"),
                details.databases().stream()
                    .map(database -> List.of(database.slug(), database.databaseType()))
                    .toList()));
    return ExitCodes.OK;
  }
}
