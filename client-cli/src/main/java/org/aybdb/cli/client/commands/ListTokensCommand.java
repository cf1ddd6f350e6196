package org.aybdb.cli.client.commands;

import java.util.List;
import java.util.Objects;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Reply;
import org.aybdb.cli.client.api.Responses.TokenInfo;
import org.aybdb.cli.client.render.Tabular;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ayb client list_tokens [--format ...]}: the caller's active API tokens. */
@Command(name = "list_tokens", description = "List your active API tokens")
public final class ListTokensCommand extends ClientSubcommand {

  @Mixin FormatOption format;

  @Override
  protected int run(ClientContext context) {
    Reply<List<TokenInfo>> reply = context.api().tokens();
    printListing(
        format.format(),
        reply,
        reply.value().isEmpty(),
        "No active API tokens",
        tokens ->
            Tabular.of(
                List.of("Short token", "Scope", "Permission", "App", "Created", "Expires"),
                tokens.stream().map(ListTokensCommand::row).toList()));
    return ExitCodes.OK;
  }

  private static List<String> row(TokenInfo token) {
    return List.of(
        token.shortToken(),
        Objects.requireNonNullElse(token.scopedDatabase(), "(all databases)"),
        Objects.requireNonNullElse(token.permissionLevel(), "(full access)"),
        Objects.requireNonNullElse(token.appName(), ""),
        Objects.requireNonNullElse(token.createdAt(), ""),
        Objects.requireNonNullElse(token.expiresAt(), "(never)"));
  }
}
