package org.aybdb.cli.client.commands;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Reply;
import org.aybdb.cli.client.api.Responses.Snapshot;
import org.aybdb.cli.client.render.Tabular;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ayb client list_snapshots <entity/database> [--format ...]}: newest first. */
@Command(name = "list_snapshots", description = "List snapshots/backups of a database")
public final class ListSnapshotsCommand extends ClientSubcommand {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  @Mixin DatabaseArgument target;

  @Mixin FormatOption format;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = target.database();
    Reply<List<Snapshot>> reply = context.api().snapshots(database.entity(), database.database());
    printListing(
        format.format(),
        reply,
        reply.value().isEmpty(),
        "No snapshots for " + database,
        snapshots ->
            Tabular.of(
                List.of("Name", "Last modified"),
                snapshots.stream()
                    .map(
                        snapshot ->
                            List.of(snapshot.snapshotId(), rfc3339(snapshot.lastModifiedAt())))
                    .toList()));
    return ExitCodes.OK;
  }

  /**
   * A timestamp as ayb prints it (chrono's {@code to_rfc3339} in UTC): {@code
   * 2024-08-18T15:05:04+00:00}, with 3, 6 or 9 fraction digits when there is a fraction. Text that
   * is no RFC 3339 timestamp is shown as it came.
   */
  static String rfc3339(String timestamp) {
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(timestamp).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return timestamp;
    }
    StringBuilder out = new StringBuilder(SECONDS.format(time));
    int nanos = time.getNano();
    if (nanos != 0) {
      String digits = String.format("%09d", nanos);
      if (nanos % 1_000_000 == 0) {
        digits = digits.substring(0, 3);
      } else if (nanos % 1_000 == 0) {
        digits = digits.substring(0, 6);
      }
      out.append('.').append(digits);
    }
    return out.append("+00:00").toString();
  }
}
