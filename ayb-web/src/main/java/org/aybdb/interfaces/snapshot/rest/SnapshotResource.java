package org.aybdb.interfaces.snapshot.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.aybdb.application.SnapshotService;
import org.aybdb.domain.model.Slugs;
import org.aybdb.domain.model.snapshot.Snapshot;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.interfaces.rest.JsonBodies;
import org.aybdb.interfaces.rest.TextBodies;
import org.aybdb.interfaces.rest.auth.Authenticated;
import org.aybdb.interfaces.rest.auth.CallerContext;

/**
 * ayb's {@code GET /v1/{entity}/{database}/list_snapshots} ({@code
 * {"snapshots":[{"last_modified_at": RFC 3339 UTC, "snapshot_id": 64 hex}]}}, newest first) and
 * {@code POST .../restore_snapshot} (the raw body is the id; {@code {}}), for the owner and
 * managers.
 */
@Path("v1/{entity}/{database}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotResource {

  /** ayb's limit for raw text bodies; an id is 64 characters. */
  static final int MAX_ID_BYTES = 256 * 1024;

  @Inject SnapshotService snapshots;
  @Inject CallerContext callers;

  @PathParam("entity")
  String entity;

  @PathParam("database")
  String database;

  @GET
  @Path("list_snapshots")
  @Authenticated
  public String list() {
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    for (Snapshot snapshot : snapshots.list(callers.caller(), entity(), database())) {
      items.add(
          Jsons.createObjectBuilder()
              // Instant's ISO form is RFC 3339 in UTC with Z, fractions only when non-zero.
              .add("last_modified_at", snapshot.lastModified().toString())
              .add("snapshot_id", snapshot.id()));
    }
    return Jsons.createObjectBuilder().add("snapshots", items).build().toString();
  }

  /** Any content type (or none): the body is the snapshot id, read as UTF-8. */
  @POST
  @Path("restore_snapshot")
  @Authenticated
  public String restore(InputStream body) {
    String id = TextBodies.readUtf8(body, MAX_ID_BYTES, "snapshot id");
    snapshots.restore(callers.caller(), entity(), database(), id);
    return JsonBodies.EMPTY;
  }

  /** The entity of the path, lower-case (entity names are case-insensitive). */
  String entity() {
    return Slugs.lowerCase(entity);
  }

  /** The database of the path, as written (database names are case-sensitive). */
  String database() {
    return database;
  }
}
