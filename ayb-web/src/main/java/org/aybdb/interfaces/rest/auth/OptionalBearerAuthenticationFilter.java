package org.aybdb.interfaces.rest.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Authenticates requests to {@link OptionallyAuthenticated} endpoints when they carry a token. */
@Provider
@OptionallyAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class OptionalBearerAuthenticationFilter implements ContainerRequestFilter {

  @Inject CallerContext callers;

  @Override
  public void filter(ContainerRequestContext request) {
    callers.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), false);
  }
}
