package org.aybdb.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** ayb's HTTP API at the root, as ayb serves it ({@code /health}, {@code /v1/...}). */
@ApplicationPath("/")
public class AybApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // No WADL: OPTIONS answers belong to the CORS filter, and WADL documents nothing useful here.
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
