package org.aybdb.interfaces.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.aybdb.application.AybException;
import org.aybdb.application.RegistrationService;
import org.aybdb.interfaces.web.Pages;

/** {@code /register}: a username and an e-mail address, then "check your e-mail". */
@Named
@ViewScoped
public class RegisterPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject RegistrationService registration;

  private String username;
  private String email;
  private boolean sent;

  public void register() {
    String entity = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    try {
      registration.register(entity, address, "user");
      sent = true;
    } catch (AybException refused) {
      Pages.error("Registration failed", refused);
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isSent() {
    return sent;
  }
}
