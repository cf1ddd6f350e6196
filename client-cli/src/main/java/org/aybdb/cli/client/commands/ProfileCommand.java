package org.aybdb.cli.client.commands;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Reply;
import org.aybdb.cli.client.api.Responses.EntityDetails;
import org.aybdb.cli.client.api.Responses.Profile;
import org.aybdb.cli.client.render.Tabular;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ayb client profile <entity> [--format ...]}: one row, missing values as {@code null},
 * links joined with {@code ,}, verified ones marked {@code (verified)}.
 */
@Command(name = "profile", description = "Show the profile of an entity")
public final class ProfileCommand extends ClientSubcommand {

  @Parameters(index = "0", paramLabel = "<entity>", description = "The entity to query")
  String entity;

  @Mixin FormatOption format;

  @Override
  protected int run(ClientContext context) {
    Reply<EntityDetails> reply = context.api().entityDetails(entity);
    printListing(format.format(), reply, false, "", details -> table(details.profile()));
    return ExitCodes.OK;
  }

  static Tabular table(Profile profile) {
    String links =
        profile.links().stream()
            .map(link -> link.verified() ? link.url() + " (verified)" : link.url())
            .collect(Collectors.joining(","));
    return Tabular.of(
        List.of("Display name", "Description", "Organization", "Location", "Links"),
        List.of(
            List.of(
                orNull(profile.displayName()),
                orNull(profile.description()),
                orNull(profile.organization()),
                orNull(profile.location()),
                links)));
  }

  private static String orNull(String value) {
    return Objects.requireNonNullElse(value, "null");
  }
}
