package org.aybdb.interfaces.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.RegistrationService;
import org.aybdb.application.Requested;
import org.aybdb.domain.model.Slugs;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.infrastructure.email.EmailAddresses;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.Visitor;

/** {@code /register}: a username and an e-mail address, then "check your e-mail". */
@Named
@ViewScoped
public class RegisterPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject RegistrationService registration;
  @Inject Visitor visitor;

  private static final String USERNAME = "register:username";
  private static final String EMAIL = "register:email";

  private String username;
  private String email;
  private boolean sent;

  public void register() {
    String entity = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    // Every field's problem at once, each shown next to its field.
    Optional<String> badName = Slugs.problem(Slugs.Kind.ENTITY, entity);
    badName.ifPresent(problem -> Pages.fieldError(USERNAME, problem));
    if (!EmailAddresses.isValid(address)) {
      Pages.fieldError(EMAIL, "Please enter a valid e-mail address.");
    }
    if (badName.isPresent() || !EmailAddresses.isValid(address)) {
      return;
    }
    try {
      registration.register(entity, address, Requested.of(EntityType.USER), visitor.address());
      sent = true;
    } catch (AybException refused) {
      String field =
          refused.type() == ErrorType.InvalidSlug || refused.type() == ErrorType.RegistrationError
              ? USERNAME
              : null;
      if (field == null) {
        Pages.error("Registration failed", refused);
      } else {
        Pages.fieldError(field, Pages.describe(refused));
      }
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
