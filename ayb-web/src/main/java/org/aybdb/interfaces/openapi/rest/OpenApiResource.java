package org.aybdb.interfaces.openapi.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;

/**
 * {@code GET /openapi}: the OpenAPI 3.1 document of the HTTP API, for anyone. YAML by default
 * ({@code application/yaml}, RFC 9512); JSON with {@code ?format=json} or when {@code Accept}
 * prefers {@code application/json}. Accept headers that allow neither get 406.
 */
@Path("openapi")
@RequestScoped
public class OpenApiResource {

  /** The YAML media type (RFC 9512). */
  static final MediaType YAML = new MediaType("application", "yaml");

  /** Older YAML media types some clients still send. */
  private static final List<MediaType> OTHER_YAML =
      List.of(new MediaType("text", "yaml"), new MediaType("application", "x-yaml"));

  @Inject OpenApiDocument document;
  @Context HttpHeaders headers;

  @GET
  public Response get(@QueryParam("format") String format) {
    boolean json;
    if (format == null) {
      json = prefersJson(headers.getAcceptableMediaTypes());
    } else if (format.equals("json") || format.equals("yaml")) {
      json = format.equals("json");
    } else {
      throw AybException.badRequest("Unknown format: " + format + " (yaml or json)");
    }
    return json
        ? Response.ok(document.json(), MediaType.APPLICATION_JSON_TYPE).build()
        : Response.ok(document.yaml(), YAML).build();
  }

  /**
   * The first acceptable type (JAX-RS sorts them by preference) that names YAML or JSON decides; a
   * wildcard means YAML, the default.
   */
  static boolean prefersJson(List<MediaType> acceptable) {
    for (MediaType type : acceptable) {
      if (type.isCompatible(YAML) || OTHER_YAML.stream().anyMatch(type::isCompatible)) {
        return false;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return true;
      }
    }
    throw new AybException(
        ErrorType.Other, 406, "This document is served as application/yaml or application/json");
  }
}
