package org.aybdb.interfaces.portability.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.PortabilityService;
import org.aybdb.config.AybConfiguration;
import org.aybdb.interfaces.portability.rest.PortabilityResource;
import org.aybdb.interfaces.rest.ClientAddresses;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.Visitor;

/**
 * The database page's import form posts here ({@code multipart/form-data}, the file in the part
 * {@code database}; entity, database and the session's form token in the query string): the upload
 * is streamed into the same service as the HTTP API, as the logged-in visitor, then the browser is
 * sent back to the database page, which shows the outcome. A plain servlet rather than a Faces
 * upload, so that nothing is buffered before the size and quota checks see it.
 */
@WebServlet(name = "import-upload", urlPatterns = ImportUploadServlet.PATH)
public class ImportUploadServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Below the Faces prefix, which is never an entity's page. */
  public static final String PATH = "/static/import";

  @Inject transient Visitor visitor;
  @Inject transient TransferSession session;
  @Inject transient PortabilityService portability;
  @Inject transient AybConfiguration configuration;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String entity = request.getParameter("entity");
    String database = request.getParameter("database");
    if (entity == null || database == null) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "entity and database are needed");
      return;
    }
    String page = request.getContextPath() + "/" + encode(entity) + "/" + encode(database);
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      response.sendRedirect(
          request.getContextPath() + "/log_in?next=" + encode("/" + entity + "/" + database));
      return;
    }
    if (!session.accepts(request.getParameter("token"))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "The form has expired; reload the page");
      return;
    }
    try {
      upload(request, caller.get(), entity, database);
      session.remember(
          new TransferSession.Outcome(
              "Imported", "The uploaded file is now " + entity + "/" + database + ".", false));
    } catch (AybException refused) {
      session.remember(
          new TransferSession.Outcome("Could not import", Pages.describe(refused), true));
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", page);
  }

  private void upload(HttpServletRequest request, Caller caller, String entity, String database)
      throws IOException {
    InputStream body = request.getInputStream();
    try {
      portability.importDatabase(
          caller,
          ClientAddresses.of(request, configuration),
          entity,
          database,
          () ->
              PortabilityResource.part(
                  body,
                  request.getContentType(),
                  request.getContentLengthLong(),
                  configuration.sandbox().maxFileSize()));
    } catch (AybException refused) {
      PortabilityResource.discardRest(body);
      throw refused;
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
