package org.aybdb.interfaces.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.aybdb.application.ApiTokenInfo;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.TokenService;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.Visitor;

/** {@code /settings/tokens}: the logged-in entity's active API tokens, each revocable. */
@Named
@ViewScoped
public class TokensPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject TokenService tokenService;
  @Inject Visitor visitor;

  private List<ApiTokenInfo> tokens = List.of();
  private String selected;

  /** The page's action on GET: anonymous visitors go to log in first. */
  public void load() {
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      Pages.redirect("/log_in?next=/settings/tokens");
      return;
    }
    tokens = tokenService.activeTokens(caller.get());
  }

  public void revoke() {
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      Pages.redirect("/log_in?next=/settings/tokens");
      return;
    }
    if (selected == null || selected.isBlank()) {
      Pages.error("No token selected", "Choose the token to revoke.");
      return;
    }
    try {
      tokenService.revoke(caller.get(), selected);
      Pages.info("Token revoked", "Token " + selected + " was revoked.");
    } catch (AybException refused) {
      Pages.error("Could not revoke the token", refused);
    }
    if (selected.equals(caller.get().shortToken())) {
      // This browser's own token: the session has ended with it.
      Pages.redirect("/log_in");
      return;
    }
    tokens = tokenService.activeTokens(caller.get());
  }

  public List<ApiTokenInfo> getTokens() {
    return tokens;
  }

  public String getSelected() {
    return selected;
  }

  public void setSelected(String selected) {
    this.selected = selected;
  }

  public String when(Optional<LocalDateTime> time) {
    return time.map(WHEN::format).orElse("—");
  }

  public String text(Optional<String> value) {
    return value.orElse("—");
  }
}
