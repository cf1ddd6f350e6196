package org.aybdb.interfaces.portability.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.aybdb.application.AybException;
import org.aybdb.application.CreatedDatabase;
import org.aybdb.application.ExportedFile;
import org.aybdb.application.ForkTarget;
import org.aybdb.application.PortabilityService;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.Slugs;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.interfaces.rest.ClientAddresses;
import org.aybdb.interfaces.rest.JsonBodies;
import org.aybdb.interfaces.rest.MultipartPart;
import org.aybdb.interfaces.rest.RequestHeaders;
import org.aybdb.interfaces.rest.auth.Authenticated;
import org.aybdb.interfaces.rest.auth.CallerContext;
import org.aybdb.interfaces.rest.auth.OptionallyAuthenticated;

/**
 * Whole databases in and out, beyond ayb's v1 API (the shapes of ayb's planned endpoints):
 *
 * <ul>
 *   <li>{@code GET .../export}: the SQLite file, for anyone who may query the database, with {@code
 *       Content-Disposition: attachment}, {@code Content-Length} and its SHA-256 in {@code
 *       Repr-Digest} (and the older {@code Digest});
 *   <li>{@code POST .../import}: {@code multipart/form-data} with the file in the part {@code
 *       database}, for the owner and managers; {@code {}} once it is the database;
 *   <li>{@code POST .../fork} with header {@code fork-to: <entity>/<database>}: 201 and {@code
 *       {"entity","database","database_type","forked_from"}}.
 * </ul>
 */
@Path("v1/{entity}/{database}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortabilityResource {

  /** The media type of SQLite database files (registered with IANA). */
  public static final String SQLITE_TYPE = "application/vnd.sqlite3";

  /** The media type of SQL text (RFC 6922), for {@code ?format=sql} dumps. */
  static final String SQL_TYPE = "application/sql; charset=utf-8";

  private static final String FORK_TO = "fork-to";

  /** The multipart part that carries the file, as ayb's clients name it. */
  public static final String PART = "database";

  /** Room for the multipart framing around the file when the declared length is checked. */
  public static final long MULTIPART_SLACK = 64 << 10;

  /** The most of a refused upload that is read to let its client see the answer. */
  static final long DRAIN_LIMIT = 16L << 20;

  @Inject PortabilityService portability;
  @Inject CallerContext callers;
  @Inject AybConfiguration configuration;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  @PathParam("entity")
  String entity;

  @PathParam("database")
  String database;

  @GET
  @Path("export")
  @OptionallyAuthenticated
  @Produces(MediaType.WILDCARD)
  public Response export(@QueryParam("format") String format) {
    boolean sqlDump = "sql".equals(format);
    if (format != null && !format.equals("sqlite") && !sqlDump) {
      throw AybException.badRequest(
          "Unknown export format: "
              + format
              + " (this server exports `sqlite` files and `sql` dumps)");
    }
    ExportedFile exported =
        sqlDump
            ? portability.exportSqlDump(
                callers.optionalCaller(), clientAddress(), entity(), database())
            : portability.export(callers.optionalCaller(), clientAddress(), entity(), database());
    StreamingOutput body =
        out -> {
          try {
            Files.copy(exported.file(), out);
          } finally {
            exported.delete();
          }
        };
    Response.ResponseBuilder answer =
        Response.ok(body, sqlDump ? SQL_TYPE : SQLITE_TYPE)
            .header("Content-Length", exported.size());
    headers(exported).forEach(answer::header);
    return answer.build();
  }

  /** The headers of an export besides its type and length: name, checksum, no caching. */
  public static java.util.Map<String, String> headers(ExportedFile exported) {
    return java.util.Map.of(
        "Content-Disposition", "attachment; filename=\"" + exported.fileName() + "\"",
        "Repr-Digest", "sha-256=:" + exported.sha256Base64() + ":",
        "Digest", "sha-256=" + exported.sha256Base64(),
        "Cache-Control", "no-store");
  }

  @POST
  @Path("import")
  @Authenticated
  public String importDatabase(InputStream body) {
    try {
      portability.importDatabase(
          callers.caller(),
          clientAddress(),
          entity(),
          database(),
          () ->
              part(
                  body,
                  headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                  request.getContentLengthLong(),
                  configuration.sandbox().maxFileSize()));
    } catch (AybException refused) {
      discardRest(body);
      throw refused;
    }
    return JsonBodies.EMPTY;
  }

  /**
   * Reads and drops what is left of a refused upload, up to {@value #DRAIN_LIMIT} bytes: clients
   * that send their whole body before they read the answer (Java's HttpClient, many scripts) would
   * otherwise wait on a full connection and never see the refusal. Past that the connection is
   * closed.
   */
  public static void discardRest(InputStream body) {
    byte[] buffer = new byte[64 << 10];
    long left = DRAIN_LIMIT;
    try {
      for (int n = body.read(buffer); n >= 0 && left > 0; n = body.read(buffer)) {
        left -= n;
      }
    } catch (IOException e) {
      // The client went away or the body timed out: nothing more to do.
    }
  }

  /**
   * The part {@value #PART} of a {@code multipart/form-data} upload, positioned at its first byte;
   * 400 without it, 413 when the declared length ({@code Content-Length}, -1 if none) cannot fit
   * {@code [sandbox] max_file_size} (refused before a byte is read; the service stops the others
   * while they arrive).
   */
  public static InputStream part(
      InputStream body, String contentType, long declared, long maxFileSize) {
    String boundary =
        MultipartPart.boundary(contentType)
            .orElseThrow(
                () ->
                    AybException.badRequest(
                        "Send the file as multipart/form-data with a part named `" + PART + "`"));
    if (maxFileSize > 0 && declared > maxFileSize + MULTIPART_SLACK) {
      throw new AybException(
          org.aybdb.application.ErrorType.Other,
          AybException.Kind.TOO_LARGE,
          "The upload is "
              + declared
              + " bytes long; a database file may take at most "
              + maxFileSize
              + " bytes ([sandbox] max_file_size)");
    }
    try {
      return MultipartPart.find(body, boundary, PART)
          .orElseThrow(
              () -> AybException.badRequest("The multipart body has no part named `" + PART + "`"));
    } catch (IOException e) {
      throw AybException.badRequest("The upload cannot be read: " + e.getMessage());
    }
  }

  @POST
  @Path("fork")
  @Authenticated
  public Response fork() {
    CreatedDatabase created =
        portability.fork(
            callers.caller(),
            clientAddress(),
            entity(),
            database(),
            RequestHeaders.parsed(headers, FORK_TO, PortabilityResource::forkTarget));
    String body =
        Jsons.createObjectBuilder()
            .add("entity", created.entity())
            .add("database", created.database())
            .add("database_type", created.databaseType())
            .add("forked_from", entity() + "/" + database())
            .build()
            .toString();
    return Response.status(Response.Status.CREATED).entity(body).build();
  }

  /** {@code <entity>/<database>}, both non-empty. */
  private static ForkTarget forkTarget(String value) {
    String[] parts = value.strip().split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "The `" + FORK_TO + "` header must be <entity>/<database>, not: " + value);
    }
    return new ForkTarget(parts[0], parts[1]);
  }

  private String clientAddress() {
    return ClientAddresses.of(request, configuration);
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
