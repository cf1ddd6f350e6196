package org.aybdb.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import org.aybdb.config.AybConfiguration;

/**
 * The server's address as clients should use it, for examples shown on pages: {@code public_url}
 * when configured, else the address the current request came to.
 */
@ApplicationScoped
public class ServerAddress {

  @Inject AybConfiguration configuration;

  /** Without a trailing slash, e.g. {@code https://ayb.example.org}. */
  public String base() {
    return configuration
        .publicUrl()
        .map(url -> url.strip().replaceAll("/+$", ""))
        .orElseGet(ServerAddress::fromRequest);
  }

  private static String fromRequest() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String scheme = external.getRequestScheme();
    int port = external.getRequestServerPort();
    boolean usual =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme
        + "://"
        + external.getRequestServerName()
        + (usual ? "" : ":" + port)
        + external.getRequestContextPath();
  }
}
