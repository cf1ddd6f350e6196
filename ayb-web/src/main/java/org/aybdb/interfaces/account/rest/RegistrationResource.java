package org.aybdb.interfaces.account.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.application.RegistrationService;
import org.aybdb.application.Requested;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.interfaces.rest.ClientAddresses;
import org.aybdb.interfaces.rest.JsonBodies;
import org.aybdb.interfaces.rest.RequestHeaders;

/**
 * ayb's e-mail flow: {@code POST /v1/register} (headers {@code entity}, {@code email-address},
 * {@code entity-type}), {@code POST /v1/confirm} (header {@code authentication-token}) and {@code
 * POST /v1/log_in} (header {@code entity}). Entity and address are lower-cased, as in ayb.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

  @Inject RegistrationService registration;
  @Inject AybConfiguration configuration;

  @Context HttpServletRequest request;

  @POST
  @Path("register")
  public String register(@Context HttpHeaders headers) {
    String entity = RequestHeaders.required(headers, "entity").toLowerCase(Locale.ROOT);
    String address = RequestHeaders.required(headers, "email-address").toLowerCase(Locale.ROOT);
    // Missing: refused at once; unknown: refused after the checks of the name and address.
    Requested<EntityType> entityType =
        Requested.parse(RequestHeaders.required(headers, "entity-type"), EntityType::fromWord);
    registration.register(entity, address, entityType, clientAddress());
    return JsonBodies.EMPTY;
  }

  @POST
  @Path("confirm")
  public String confirm(@Context HttpHeaders headers) {
    IssuedApiToken issued =
        registration.confirm(RequestHeaders.required(headers, "authentication-token"));
    return Jsons.createObjectBuilder()
        .add("entity", issued.entity())
        .add("token", issued.token())
        .build()
        .toString();
  }

  @POST
  @Path("log_in")
  public String logIn(@Context HttpHeaders headers) {
    registration.logIn(
        RequestHeaders.required(headers, "entity").toLowerCase(Locale.ROOT), clientAddress());
    return JsonBodies.EMPTY;
  }

  /** Where the request came from (through trusted proxies): the e-mails are limited per client. */
  private String clientAddress() {
    return ClientAddresses.of(request, configuration);
  }
}
