package org.aybdb.interfaces.portability.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.aybdb.application.AybException;
import org.aybdb.application.ExportedFile;
import org.aybdb.application.PortabilityService;
import org.aybdb.config.AybConfiguration;
import org.aybdb.interfaces.portability.rest.PortabilityResource;
import org.aybdb.interfaces.rest.ClientAddresses;
import org.aybdb.interfaces.rest.error.FailureStatus;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.Visitor;

/**
 * The database page's Export link ({@code GET /static/export?entity=&database=}): the same copy as
 * {@code GET /v1/{e}/{d}/export}, for the visitor of the session (or an anonymous one), sent as an
 * attachment. A plain link rather than a Faces post: it needs no form, so it makes no session.
 */
@WebServlet(name = "export-download", urlPatterns = ExportDownloadServlet.PATH)
public class ExportDownloadServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Below the Faces prefix, which is never an entity's page. */
  public static final String PATH = "/static/export";

  @Inject transient Visitor visitor;
  @Inject transient PortabilityService portability;
  @Inject transient AybConfiguration configuration;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String entity = request.getParameter("entity");
    String database = request.getParameter("database");
    if (entity == null || database == null) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "entity and database are needed");
      return;
    }
    ExportedFile exported;
    try {
      exported =
          portability.export(
              visitor.caller(), ClientAddresses.of(request, configuration), entity, database);
    } catch (AybException refused) {
      if (refused.retryAfterSeconds() > 0) {
        response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
      }
      response.sendError(FailureStatus.of(refused), Pages.describe(refused));
      return;
    }
    try {
      response.setContentType(PortabilityResource.SQLITE_TYPE);
      response.setContentLengthLong(exported.size());
      for (Map.Entry<String, String> header : PortabilityResource.headers(exported).entrySet()) {
        response.setHeader(header.getKey(), header.getValue());
      }
      Files.copy(exported.file(), response.getOutputStream());
    } finally {
      exported.delete();
    }
  }
}
