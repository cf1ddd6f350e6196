package org.aybdb.interfaces.portability.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Export, import and fork for an entity that is itself named {@code entity}: JAX-RS routes {@code
 * /v1/entity/...} to the entity page's template and never backtracks, so they are declared on that
 * template too, whose value is then the database (as for the database endpoints).
 */
@Path("v1/entity/{entity}")
@RequestScoped
// Only this class: as a bean of its superclass's type too, a container that asks CDI for the
// superclass's resource (Jersey on Payara Server, in an EAR) could be handed this one.
@Typed(EntityNamedEntityPortabilityResource.class)
@Produces(MediaType.APPLICATION_JSON)
public class EntityNamedEntityPortabilityResource extends PortabilityResource {

  @Override
  String entity() {
    return "entity";
  }

  @Override
  String database() {
    return entity;
  }
}
