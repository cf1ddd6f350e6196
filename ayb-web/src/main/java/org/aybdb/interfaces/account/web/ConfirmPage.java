package org.aybdb.interfaces.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.aybdb.application.AybException;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.application.RegistrationService;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.SessionLogIn;
import org.aybdb.interfaces.web.UiRoutes;
import org.aybdb.interfaces.web.UiSession;

/**
 * {@code /confirm/<token>}, the link in the e-mail: confirms the token, logs this browser in and
 * continues to the remembered page or the entity's own page.
 */
@Named
@RequestScoped
public class ConfirmPage {

  @Inject RegistrationService registration;
  @Inject SessionLogIn logIn;
  @Inject UiSession session;

  private String failure;

  /** The page's action on GET. */
  public void confirm() {
    String token = Pages.routeParameter(UiRoutes.TOKEN).orElse("");
    IssuedApiToken issued;
    try {
      issued = registration.confirm(token);
    } catch (AybException refused) {
      failure = Pages.describe(refused);
      Pages.status(400);
      return;
    }
    logIn.logIn(
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(),
        issued);
    Pages.redirect(session.takeNext().orElse("/" + Pages.segment(issued.entity())));
  }

  public String getFailure() {
    return failure;
  }
}
