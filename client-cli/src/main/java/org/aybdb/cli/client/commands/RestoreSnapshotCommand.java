package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.ApiException;
import org.aybdb.cli.client.api.AybError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ayb client restore_snapshot <entity/database> <snapshot_id>}. */
@Command(
    name = "restore_snapshot",
    description = "Restore a database to a particular snapshot/backup")
public final class RestoreSnapshotCommand extends ClientSubcommand {

  @Mixin DatabaseArgument target;

  @Parameters(
      index = "1",
      paramLabel = "<snapshot_id>",
      description = "The id of the snapshot to load")
  String snapshotId;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = target.database();
    try {
      context.api().restoreSnapshot(database.entity(), database.database(), snapshotId);
    } catch (ApiException e) {
      if (AybError.SNAPSHOT_DOES_NOT_EXIST.equals(e.error().type())) {
        throw new ApiException(
            AybError.other("Snapshot " + snapshotId + " does not exist for " + database));
      }
      throw e;
    }
    println("Restored " + database + " to snapshot " + snapshotId);
    return ExitCodes.OK;
  }
}
