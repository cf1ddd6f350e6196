package org.aybdb.interfaces.database.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.aybdb.application.CreatedDatabase;
import org.aybdb.application.DatabaseDetails;
import org.aybdb.application.DatabaseGrant;
import org.aybdb.application.DatabaseService;
import org.aybdb.application.QueryPath;
import org.aybdb.application.SharingService;
import org.aybdb.application.engine.StatementBatch;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.Slugs;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.aybdb.domain.model.permission.EntitySharingLevel;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.interfaces.rest.ClientAddresses;
import org.aybdb.interfaces.rest.JsonBodies;
import org.aybdb.interfaces.rest.RequestHeaders;
import org.aybdb.interfaces.rest.TextBodies;
import org.aybdb.interfaces.rest.auth.Authenticated;
import org.aybdb.interfaces.rest.auth.CallerContext;
import org.aybdb.interfaces.rest.auth.OptionallyAuthenticated;

/**
 * ayb's endpoints on one database, {@code /v1/{entity}/{database}/...}: {@code create}, {@code
 * details}, {@code update}, {@code query}, {@code share} and {@code permissions}, with ayb's
 * headers and JSON. The entity is case-insensitive, the database case-sensitive.
 *
 * <p>A query answer is ayb's {@code {"fields":[...],"rows":[[...]]}}; when the engine cut it short
 * (row or byte cap) it also has {@code "truncated":"rows"|"bytes"} and, when the answer is short
 * enough to be sent whole, the header {@value #TRUNCATED_HEADER} (ayb's clients ignore both). SQL
 * longer than {@code [sandbox] max_sql_bytes} is refused with 413 before anything runs.
 */
@Path("v1/{entity}/{database}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseResource {

  /** Names why a query answer is incomplete ({@code rows} or {@code bytes}). */
  static final String TRUNCATED_HEADER = "Ayb-Truncated";

  private static final String PUBLIC_SHARING_LEVEL = "public-sharing-level";

  @Inject DatabaseService databases;
  @Inject SharingService sharing;
  @Inject QueryPath queries;
  @Inject CallerContext callers;
  @Inject AybConfiguration configuration;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  @PathParam("entity")
  String entity;

  @PathParam("database")
  String database;

  @POST
  @Path("create")
  @Authenticated
  public Response create() {
    CreatedDatabase created =
        databases.create(
            callers.caller(),
            entity(),
            database(),
            RequestHeaders.parsed(headers, "db-type", DatabaseType::fromWord),
            RequestHeaders.parsed(headers, PUBLIC_SHARING_LEVEL, PublicSharingLevel::fromWord));
    String body =
        Jsons.createObjectBuilder()
            .add("entity", created.entity())
            .add("database", created.database())
            .add("database_type", created.databaseType())
            .build()
            .toString();
    return Response.status(Response.Status.CREATED).entity(body).build();
  }

  @GET
  @Path("details")
  @OptionallyAuthenticated
  public String details() {
    DatabaseDetails details = databases.details(callers.optionalCaller(), entity(), database());
    var body =
        Jsons.createObjectBuilder()
            .add("entity_slug", details.entitySlug())
            .add("database_slug", details.databaseSlug())
            .add("database_type", details.databaseType());
    JsonBodies.addNullable(
        body,
        "highest_query_access_level",
        details.highestQueryAccessLevel().map(DatabaseResource::aybVariant).orElse(null));
    body.add("can_manage_database", details.canManageDatabase())
        .add("public_sharing_level", details.publicSharingLevel());
    // Our extension, only on forks: ayb's clients ignore members they do not know.
    details.forkedFrom().ifPresent(source -> body.add("forked_from", source));
    return body.build().toString();
  }

  @PATCH
  @Path("update")
  @Authenticated
  public String update() {
    databases.update(
        callers.caller(),
        entity(),
        database(),
        RequestHeaders.parsedIfSent(headers, PUBLIC_SHARING_LEVEL, PublicSharingLevel::fromWord));
    return JsonBodies.EMPTY;
  }

  /**
   * {@code Content-Type: application/json} and a body that starts with <code>{</code>: a JSON body
   * (see {@link #jsonQuery}). Otherwise (any content type, or none) the body is the SQL, read as
   * UTF-8, as in ayb. The answer is streamed (see {@link QueryAnswer}); the caller is first
   * admitted by {@code [limits]} (429/503 beyond them).
   */
  @POST
  @Path("query")
  @OptionallyAuthenticated
  @Produces({MediaType.APPLICATION_JSON, "application/vnd.ayb+json"})
  public Response query(InputStream body) {
    int maxSqlBytes = configuration.sandbox().maxSqlBytes();
    MediaType type = headers.getMediaType();
    String sql;
    if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      String text =
          TextBodies.readUtf8(
              body, (int) Math.min(Integer.MAX_VALUE - 8, 2L * maxSqlBytes), "query body");
      if (text.stripLeading().startsWith("{")) {
        return jsonQuery(text);
      }
      // No SQL starts with "{": this is raw SQL labelled JSON, run as before.
      if (text.getBytes(StandardCharsets.UTF_8).length > maxSqlBytes) {
        throw TextBodies.tooLarge("SQL", maxSqlBytes);
      }
      sql = TextBodies.requireNoNul(text);
    } else {
      sql = TextBodies.requireNoNul(TextBodies.readUtf8(body, maxSqlBytes, "SQL"));
    }
    return QueryAnswer.of(
        queries.open(
            callers.optionalCaller(),
            ClientAddresses.of(request, configuration),
            entity(),
            database(),
            sql));
  }

  /**
   * A JSON body: bound parameters or an atomic batch ({@link QueryBodies}), answered whole, typed
   * when {@code Accept} asks for it ({@link TypedAnswer}). At most twice {@code [sandbox]
   * max_sql_bytes} (parameters travel next to the SQL); the SQL itself at most that.
   */
  private Response jsonQuery(String body) {
    var http = configuration.http();
    boolean typed = TypedAnswer.asked(headers.getAcceptableMediaTypes());
    StatementBatch batch =
        QueryBodies.parse(
            JsonBodies.parseObject(
                body,
                http.jsonMaxDepth(),
                QueryBodies.mostValues(http.maxQueryParams(), http.maxBatchStatements())),
            typed,
            http.maxQueryParams(),
            http.maxBatchStatements());
    return TypedAnswer.of(
        queries.run(
            callers.optionalCaller(),
            ClientAddresses.of(request, configuration),
            entity(),
            database(),
            batch),
        batch.atomic(),
        typed);
  }

  @POST
  @Path("share")
  @Authenticated
  public Response share() {
    sharing.share(
        callers.caller(),
        entity(),
        database(),
        RequestHeaders.parsed(headers, "entity-for-permission", Function.identity()),
        RequestHeaders.parsed(headers, "sharing-level", EntitySharingLevel::fromWord));
    return Response.noContent().build();
  }

  @GET
  @Path("permissions")
  @Authenticated
  public String permissions() {
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    for (DatabaseGrant grant : sharing.permissions(callers.caller(), entity(), database())) {
      items.add(
          Jsons.createObjectBuilder()
              .add("entity_slug", grant.entitySlug())
              .add("sharing_level", grant.sharingLevel()));
    }
    return Jsons.createObjectBuilder().add("permissions", items).build().toString();
  }

  /** The owner named by the path (entity names are case-insensitive). */
  String entity() {
    return Slugs.lowerCase(entity);
  }

  /** The database named by the path (case-sensitive, as in ayb). */
  String database() {
    return database;
  }

  /** ayb serializes this one enum by its Rust variant name, not kebab-case. */
  private static String aybVariant(QueryPermissionLevel level) {
    return level == QueryPermissionLevel.READ_WRITE ? "ReadWrite" : "ReadOnly";
  }
}
