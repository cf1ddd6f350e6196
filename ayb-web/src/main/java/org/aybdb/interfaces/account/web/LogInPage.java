package org.aybdb.interfaces.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.aybdb.application.AybException;
import org.aybdb.application.RegistrationService;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.UiSession;
import org.aybdb.interfaces.web.Visitor;

/**
 * {@code /log_in}: mails a confirmation link to the entity's address; {@code ?next=/path} is where
 * the link leads after logging in.
 */
@Named
@ViewScoped
public class LogInPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject RegistrationService registration;
  @Inject Visitor visitor;
  @Inject UiSession session;

  private String username;
  private String next;
  private boolean sent;

  public void logIn() {
    String entity = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    try {
      registration.logIn(entity, visitor.address());
      session.rememberNext(next);
      sent = true;
    } catch (AybException refused) {
      Pages.error("Log-in failed", refused);
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public boolean isSent() {
    return sent;
  }
}
