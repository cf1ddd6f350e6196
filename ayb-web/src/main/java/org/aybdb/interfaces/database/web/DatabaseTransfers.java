package org.aybdb.interfaces.database.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.CreatedDatabase;
import org.aybdb.application.ForkTarget;
import org.aybdb.application.PortabilityService;
import org.aybdb.application.Requested;
import org.aybdb.interfaces.portability.web.ExportDownloadServlet;
import org.aybdb.interfaces.portability.web.ImportUploadServlet;
import org.aybdb.interfaces.portability.web.TransferSession;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.Visitor;

/**
 * The database page's export link, fork button and import form: the same service as the HTTP API,
 * for the visitor of the session. Refusals are shown as page messages.
 */
@Named
@RequestScoped
public class DatabaseTransfers {

  @Inject PortabilityService portability;
  @Inject Visitor visitor;
  @Inject HttpServletRequest request;
  @Inject TransferSession transfers;

  private String forkName;
  private TransferSession.Outcome outcome;
  private boolean outcomeTaken;

  /** Where the Export link points: the download servlet. */
  public String exportLink(String entity, String database) {
    return request.getContextPath()
        + ExportDownloadServlet.PATH
        + "?entity="
        + encode(entity)
        + "&database="
        + encode(database);
  }

  /** Forks into the visitor's entity under {@link #getForkName()} and opens the copy. */
  public void fork(String entity, String database) {
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      Pages.redirect("/log_in?next=/" + entity + "/" + database);
      return;
    }
    String name = forkName == null ? "" : forkName.strip();
    try {
      CreatedDatabase created =
          portability.fork(
              caller.get(),
              clientAddress(),
              entity,
              database,
              Requested.of(new ForkTarget(caller.get().slug(), name)));
      Pages.redirect("/" + created.entity() + "/" + created.database());
    } catch (AybException refused) {
      Pages.error("Could not fork", refused);
    }
  }

  /** Where the import form posts: the upload servlet, with the session's form token. */
  public String importAction(String entity, String database) {
    return request.getContextPath()
        + ImportUploadServlet.PATH
        + "?entity="
        + encode(entity)
        + "&database="
        + encode(database)
        + "&token="
        + transfers.token();
  }

  /** The outcome of the upload that led back to this page, if any (shown once). */
  public TransferSession.Outcome getImportOutcome() {
    if (!outcomeTaken) {
      outcome = request.getSession(false) == null ? null : transfers.takeOutcome();
      outcomeTaken = true;
    }
    return outcome;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  public String getForkName() {
    return forkName;
  }

  public void setForkName(String forkName) {
    this.forkName = forkName;
  }

  private String clientAddress() {
    return visitor.address();
  }
}
