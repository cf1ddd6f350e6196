package org.aybdb.interfaces.rest.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Authenticates requests to {@link Authenticated} endpoints; no token, no entry. */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthenticationFilter implements ContainerRequestFilter {

  @Inject CallerContext callers;

  @Override
  public void filter(ContainerRequestContext request) {
    callers.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), true);
  }
}
