package org.aybdb.interfaces.database.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The database endpoints of an entity that is itself named {@code entity} ({@code
 * /v1/entity/{database}/details} and so on). The entity page owns {@code /v1/entity/{entity}} and
 * JAX-RS never backtracks from the root resource it picked to {@code /v1/{entity}/{database}}, so
 * these paths are declared on the entity page's own template (Jersey merges resources with equal
 * paths); here that template's value is the database.
 */
@Path("v1/entity/{entity}")
@RequestScoped
// Only this class: as a bean of its superclass's type too, a container that asks CDI for the
// superclass's resource (Jersey on Payara Server, in an EAR) could be handed this one.
@Typed(EntityNamedEntityResource.class)
@Produces(MediaType.APPLICATION_JSON)
public class EntityNamedEntityResource extends DatabaseResource {

  /** The one entity whose database paths start {@code /v1/entity/}. */
  static final String ENTITY = "entity";

  @Override
  String entity() {
    return ENTITY;
  }

  @Override
  String database() {
    return entity;
  }
}
