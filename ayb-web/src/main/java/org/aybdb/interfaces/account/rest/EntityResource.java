package org.aybdb.interfaces.account.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.aybdb.application.EntityProfile;
import org.aybdb.application.EntityUsage;
import org.aybdb.application.ProfileService;
import org.aybdb.application.ProfileUpdate;
import org.aybdb.application.QuotaService;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.Slugs;
import org.aybdb.domain.model.account.ProfileLink;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.interfaces.rest.JsonBodies;
import org.aybdb.interfaces.rest.auth.Authenticated;
import org.aybdb.interfaces.rest.auth.CallerContext;
import org.aybdb.interfaces.rest.auth.OptionallyAuthenticated;

/**
 * {@code GET /v1/entity/{entity}} (anyone; a token shows more) and {@code PATCH
 * /v1/entity/{entity}} (only the entity itself; a JSON object of strings or nulls, at most {@value
 * #MAX_BODY_BYTES} bytes). The path's entity is lower-cased, as in ayb.
 */
@Path("v1/entity/{entity}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

  /** The largest PATCH body accepted. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  @Inject ProfileService profiles;
  @Inject CallerContext callers;
  @Inject AybConfiguration configuration;
  @Inject QuotaService quotas;

  @GET
  @OptionallyAuthenticated
  public String profile(@PathParam("entity") String entity) {
    EntityProfile profile = profiles.profile(Slugs.lowerCase(entity), callers.optionalCaller());
    JsonObjectBuilder fields = Jsons.createObjectBuilder();
    JsonBodies.addNullable(fields, "display_name", profile.displayName());
    JsonBodies.addNullable(fields, "description", profile.description());
    JsonBodies.addNullable(fields, "organization", profile.organization());
    JsonBodies.addNullable(fields, "location", profile.location());
    JsonArrayBuilder links = Jsons.createArrayBuilder();
    for (ProfileLink link : profile.links()) {
      links.add(
          Jsons.createObjectBuilder().add("url", link.url()).add("verified", link.verified()));
    }
    fields.add("links", links);
    JsonArrayBuilder databases = Jsons.createArrayBuilder();
    for (EntityProfile.DatabaseSummary database : profile.databases()) {
      databases.add(
          Jsons.createObjectBuilder()
              .add("slug", database.slug())
              .add("database_type", database.databaseType()));
    }
    JsonObjectBuilder entityJson =
        Jsons.createObjectBuilder()
            .add("slug", profile.slug())
            .add("profile", fields)
            .add("databases", databases)
            .add(
                "permissions",
                Jsons.createObjectBuilder()
                    .add("can_create_database", profile.canCreateDatabase()));
    if (profile.canCreateDatabase()) {
      // Our addition, for the entity itself only: what it stores against its quotas.
      EntityUsage usage = quotas.usage(profile.slug());
      entityJson.add(
          "usage",
          Jsons.createObjectBuilder()
              .add("databases", usage.databases())
              .add("max_databases", usage.maxDatabases())
              .add("bytes", usage.bytes())
              .add("max_bytes", usage.maxBytes()));
    }
    return entityJson.build().toString();
  }

  @PATCH
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public String update(@PathParam("entity") String entity, InputStream body) {
    ProfileUpdate update =
        ProfileUpdate.of(
            JsonBodies.readStringMap(body, MAX_BODY_BYTES, configuration.http().jsonMaxDepth()));
    profiles.update(callers.caller(), Slugs.lowerCase(entity), update);
    return JsonBodies.EMPTY;
  }
}
