package org.aybdb.interfaces.database.web;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.aybdb.application.Caller;
import org.aybdb.application.DatabaseService;
import org.aybdb.application.QueryAdmission;
import org.aybdb.config.AybConfiguration;
import org.aybdb.interfaces.rest.ClientAddresses;

/**
 * The web UI's place under the fair-sharing limits: one per HTTP request that runs queries, taken
 * at its first query and given back when the request ends, so a page view counts as one query (its
 * grid, row count and schema run under it) for the same per-entity and per-address limits as the
 * HTTP API.
 */
@RequestScoped
public class PageQueryAdmission {

  @Inject DatabaseService databases;
  @Inject AybConfiguration configuration;
  @Inject HttpServletRequest request;

  /** The request attribute naming the admission a request holds ({@link PageQueryRelease}). */
  static final String HELD = PageQueryAdmission.class.getName();

  private QueryAdmission.Ticket ticket;

  /** Takes the place unless this request holds it already; 429 beyond a limit. */
  void admitOnce(Optional<Caller> caller, String entity, String database) {
    if (ticket == null) {
      ticket =
          databases.admit(caller, ClientAddresses.of(request, configuration), entity, database);
      request.setAttribute(HELD, this);
    }
  }

  /** Gives the place back (once; later calls do nothing). */
  @PreDestroy
  void release() {
    if (ticket != null) {
      ticket.close();
      ticket = null;
    }
  }
}
