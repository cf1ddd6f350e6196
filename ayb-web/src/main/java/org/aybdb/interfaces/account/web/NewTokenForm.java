package org.aybdb.interfaces.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.GrantableDatabase;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.application.NewApiToken;
import org.aybdb.application.OAuthService;
import org.aybdb.application.TokenService;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.ServerAddress;
import org.aybdb.interfaces.web.Visitor;

/**
 * The "New token" form of {@code /settings/tokens}: a name, optionally one database and a level,
 * optionally an expiry; the new secret is kept in the view only to be shown once.
 */
@Named
@ViewScoped
public class NewTokenForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TokenService tokenService;
  @Inject OAuthService oauth;
  @Inject TokensPage tokensPage;
  @Inject Visitor visitor;
  @Inject ServerAddress server;

  private String name;
  private String database = "";
  private String level = QueryPermissionLevel.READ_ONLY.word();
  private int expiryDays;
  private transient IssuedApiToken issued;
  private String issuedDatabase;

  /** The databases the caller may query (owned first), to limit a token to one of them. */
  public List<GrantableDatabase> getDatabases() {
    return visitor
        .caller()
        .map(caller -> oauth.grantable(caller, QueryPermissionLevel.READ_ONLY))
        .orElse(List.of());
  }

  public void create() {
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      Pages.redirect("/log_in?next=/settings/tokens");
      return;
    }
    issued = null;
    Optional<String> scope = Optional.ofNullable(database).filter(path -> !path.isBlank());
    Optional<LocalDateTime> expiresAt =
        expiryDays > 0
            ? Optional.of(LocalDateTime.now(ZoneOffset.UTC).plusDays(expiryDays))
            : Optional.empty();
    try {
      issued =
          tokenService.create(
              caller.get(),
              new NewApiToken(
                  name == null ? "" : name,
                  scope,
                  QueryPermissionLevel.fromWord(level),
                  expiresAt));
    } catch (AybException refused) {
      Pages.error("Could not create the token", refused);
      return;
    } catch (IllegalArgumentException unknownLevel) {
      Pages.error("Could not create the token", "Choose read-only or read-write.");
      return;
    }
    issuedDatabase = scope.orElse(null);
    name = null;
    tokensPage.load();
  }

  /** Forgets the shown secret ("Done"). */
  public void dismiss() {
    issued = null;
  }

  public boolean isIssued() {
    return issued != null;
  }

  public String getSecret() {
    return issued == null ? "" : issued.token();
  }

  /** A {@code curl} line that works with the new token as it is scoped. */
  public String getCurlExample() {
    if (issued == null) {
      return "";
    }
    String auth = " -H 'Authorization: Bearer " + issued.token() + "'";
    if (issuedDatabase != null) {
      return "curl -X POST"
          + auth
          + " --data 'SELECT 1' "
          + baseUrl()
          + "/v1/"
          + issuedDatabase
          + "/query";
    }
    return "curl" + auth + " " + baseUrl() + "/v1/entity/" + issued.entity();
  }

  /** An {@code ayb client} line that works with the new token as it is scoped. */
  public String getClientExample() {
    if (issued == null) {
      return "";
    }
    String prefix = "ayb client --url " + baseUrl() + " --token " + issued.token();
    return issuedDatabase != null
        ? prefix + " query " + issuedDatabase + " 'SELECT 1'"
        : prefix + " list " + issued.entity();
  }

  private String baseUrl() {
    return server.base();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public String getLevel() {
    return level;
  }

  public void setLevel(String level) {
    this.level = level;
  }

  public int getExpiryDays() {
    return expiryDays;
  }

  public void setExpiryDays(int expiryDays) {
    this.expiryDays = expiryDays;
  }
}
