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
 * {@code /confirm/<token>}, the link in the e-mail: a GET only says which entity the link logs in
 * and offers a "Confirm" button; its POST confirms the token, logs this browser in and continues to
 * the remembered page or the entity's own page. So a link opened by someone else's hand (log-in
 * CSRF) or by a mail scanner neither logs in nor uses the single-use token up.
 */
@Named
@RequestScoped
public class ConfirmPage {

  @Inject RegistrationService registration;
  @Inject SessionLogIn logIn;
  @Inject UiSession session;

  private String token = "";
  private String entity;
  private String failure;

  /** The page's action on GET: reads the token without using it. */
  public void preview() {
    token = Pages.routeParameter(UiRoutes.TOKEN).orElse("");
    try {
      entity = registration.entityOf(token);
    } catch (AybException refused) {
      fail(refused);
    }
  }

  /** The "Confirm" button. */
  public void confirm() {
    IssuedApiToken issued;
    try {
      issued = registration.confirm(token == null ? "" : token);
    } catch (AybException refused) {
      fail(refused);
      return;
    }
    logIn.logIn(
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(),
        issued);
    Pages.redirect(session.takeNext().orElse("/" + Pages.segment(issued.entity())));
  }

  private void fail(AybException refused) {
    failure = Pages.describe(refused);
    Pages.status(400);
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getEntity() {
    return entity;
  }

  public String getFailure() {
    return failure;
  }
}
