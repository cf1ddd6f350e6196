package org.aybdb.interfaces.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.SessionLogIn;

/**
 * Logging out: a form post (from the menu, or the button that {@code GET /log_out} shows), never a
 * bare GET, so another site cannot log anyone out. The session's API token is revoked.
 */
@Named
@RequestScoped
public class LogOutPage {

  @Inject SessionLogIn logIn;

  public void logOut() {
    logIn.logOut(
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    Pages.redirect("/log_in");
  }
}
