package org.aybdb.cli.client.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ayb client update_profile <entity> [--display_name v] [--description v] [--organization v]
 * [--location v] [--links v...]}: sends only the fields given; {@code --links} replaces the links
 * (no value clears them).
 */
@Command(name = "update_profile", description = "Update the profile of an entity")
public final class UpdateProfileCommand extends ClientSubcommand {

  @Parameters(index = "0", paramLabel = "<entity>", description = "The entity to update")
  String entity;

  @Option(names = "--display_name", paramLabel = "<value>", description = "New display name")
  String displayName;

  @Option(names = "--description", paramLabel = "<value>", description = "New description")
  String description;

  @Option(names = "--organization", paramLabel = "<value>", description = "New organization")
  String organization;

  @Option(names = "--location", paramLabel = "<value>", description = "New location")
  String location;

  @Option(
      names = "--links",
      paramLabel = "<value>",
      arity = "0..*",
      description = "New links (none: remove all links)")
  List<String> links;

  @Override
  protected int run(ClientContext context) {
    Map<String, String> update = new LinkedHashMap<>();
    putIfGiven(update, "display_name", displayName);
    putIfGiven(update, "description", description);
    putIfGiven(update, "organization", organization);
    putIfGiven(update, "location", location);
    if (links != null || spec.commandLine().getParseResult().hasMatchedOption("--links")) {
      update.put("links", linksJson(links == null ? List.of() : links));
    }
    context.api().updateProfile(entity, update);
    println("Successfully updated profile");
    return ExitCodes.OK;
  }

  private static void putIfGiven(Map<String, String> update, String name, String value) {
    if (value != null) {
      update.put(name, value);
    }
  }

  /** ayb sends the links as a JSON string holding {@code [{"url":"..."},...]}. */
  static String linksJson(List<String> urls) {
    return urls.stream()
        .map(url -> "{\"url\":" + Json.quote(url) + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
