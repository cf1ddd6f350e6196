package org.aybdb.interfaces.oauth.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ConsentRequest;
import org.aybdb.application.DatabaseService;
import org.aybdb.application.GrantableDatabase;
import org.aybdb.application.OAuthException;
import org.aybdb.application.OAuthService;
import org.aybdb.application.Requested;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.Visitor;

/**
 * {@code /oauth/authorize}: a browser app asks the logged-in user for access to one database. The
 * request's parameters are checked in ayb's order on the first visit and again when the user
 * answers; the user is whoever the session's validated token belongs to. The form is an ordinary
 * Faces form: its view state lives on the server, bound to the session, and the routing filter
 * refuses posts from other origins, so a forged or cross-site post issues nothing.
 */
@Named
@ViewScoped
public class AuthorizePage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The path of this page. */
  static final String PATH = "/oauth/authorize";

  @Inject OAuthService oauth;
  @Inject DatabaseService databaseService;
  @Inject Visitor visitor;

  private String responseType;
  private String redirectUri;
  private String scope;
  private String codeChallenge;
  private String codeChallengeMethod;
  private String appName;
  private String state;

  private String errorCode;
  private String errorDescription;
  private String database;
  private String level;
  private List<GrantableDatabase> grantable = List.of();
  private String newDatabase;
  private String newEngine = "sqlite";

  /** The page's action on GET: checks, then the log-in page or the list of databases. */
  public void open() {
    Optional<ConsentRequest> request = checkedOrFailed();
    if (request.isEmpty()) {
      return;
    }
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      Pages.redirect("/log_in?next=" + encode(PATH + "?" + query()));
      return;
    }
    level = request.get().level().word();
    refresh(caller.get());
  }

  /** Lists the databases grantable at the chosen level (after the level changed, too). */
  public void levelChanged() {
    visitor.caller().ifPresent(this::refresh);
  }

  private void refresh(Caller caller) {
    grantable = oauth.grantable(caller, chosenLevel());
    if (database != null && grantable.stream().noneMatch(g -> g.path().equals(database))) {
      database = null;
    }
  }

  /** Creates a database of the user's own in place and selects it. */
  public void createDatabase() {
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      Pages.error("Not logged in", "Please log in again.");
      return;
    }
    String slug = newDatabase == null ? "" : newDatabase.strip().toLowerCase(Locale.ROOT);
    try {
      databaseService.create(
          caller.get(),
          caller.get().slug(),
          slug,
          Requested.parse(newEngine, DatabaseType::fromWord),
          Requested.of(PublicSharingLevel.NO_ACCESS));
      newDatabase = null;
      refresh(caller.get());
      database = caller.get().slug() + "/" + slug;
    } catch (AybException refused) {
      Pages.error("Could not create the database", refused);
    }
  }

  /** The user says yes: a code for the chosen database goes back to the app. */
  public void authorize() {
    Optional<ConsentRequest> checked = checkedOrFailed();
    if (checked.isEmpty()) {
      return;
    }
    ConsentRequest request = checked.get();
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      fail(new OAuthException("unauthorized", "Not logged in"));
      return;
    }
    if (database == null || database.isEmpty()) {
      Pages.error("Choose a database", "Select the database the app may use.");
      return;
    }
    try {
      redirect(oauth.authorize(caller.get(), request, database, chosenLevel()));
    } catch (OAuthException refused) {
      if (refused.error().equals("access_denied")) {
        // The app can be told (RFC 6749: redirect with the error); the user sees why here first.
        redirect(withDescription(request.deniedRedirect(), refused.description()));
      } else {
        fail(refused);
      }
    }
  }

  /** The user says no: {@code error=access_denied} goes back to the app. */
  public void deny() {
    checkedOrFailed().ifPresent(request -> redirect(request.deniedRedirect()));
  }

  /** The checked request, or empty after showing why it was refused. */
  private Optional<ConsentRequest> checkedOrFailed() {
    try {
      return Optional.of(check());
    } catch (OAuthException refused) {
      fail(refused);
      return Optional.empty();
    }
  }

  private ConsentRequest check() {
    return oauth.check(
        responseType, redirectUri, scope, codeChallenge, codeChallengeMethod, appName, state);
  }

  private QueryPermissionLevel chosenLevel() {
    ConsentRequest request = check();
    if (QueryPermissionLevel.READ_ONLY.word().equals(level)) {
      return QueryPermissionLevel.READ_ONLY;
    }
    return request.level();
  }

  private void fail(OAuthException refused) {
    errorCode = refused.error();
    errorDescription = refused.description();
    Pages.status(400);
  }

  private static String withDescription(String redirect, String description) {
    return redirect + "&error_description=" + encode(description);
  }

  private static void redirect(String url) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    try {
      external.redirect(url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
  }

  /** This request's parameters again, for the way back after logging in. */
  private String query() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", responseType);
    parameters.put("redirect_uri", redirectUri);
    parameters.put("scope", scope);
    parameters.put("state", state);
    parameters.put("code_challenge", codeChallenge);
    parameters.put("code_challenge_method", codeChallengeMethod);
    parameters.put("app_name", appName);
    StringBuilder query = new StringBuilder();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(encode(value));
          }
        });
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public boolean isFailed() {
    return errorCode != null;
  }

  public String getErrorCode() {
    return errorCode;
  }

  public String getErrorDescription() {
    return errorDescription;
  }

  /** Where the app lives, as the user should recognise it: the redirect URI's origin. */
  public String getAppOrigin() {
    try {
      URI uri = URI.create(redirectUri);
      return uri.getScheme() + "://" + uri.getRawAuthority();
    } catch (IllegalArgumentException | NullPointerException e) {
      return "";
    }
  }

  public boolean isReadWriteRequested() {
    return QueryPermissionLevel.READ_WRITE.word().equals(scope);
  }

  public boolean isReadWriteChosen() {
    return isReadWriteRequested() && !QueryPermissionLevel.READ_ONLY.word().equals(level);
  }

  public List<GrantableDatabase> getGrantable() {
    return grantable;
  }

  public String getResponseType() {
    return responseType;
  }

  public void setResponseType(String responseType) {
    this.responseType = responseType;
  }

  public String getRedirectUri() {
    return redirectUri;
  }

  public void setRedirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getCodeChallenge() {
    return codeChallenge;
  }

  public void setCodeChallenge(String codeChallenge) {
    this.codeChallenge = codeChallenge;
  }

  public String getCodeChallengeMethod() {
    return codeChallengeMethod;
  }

  public void setCodeChallengeMethod(String codeChallengeMethod) {
    this.codeChallengeMethod = codeChallengeMethod;
  }

  public String getAppName() {
    return appName;
  }

  public void setAppName(String appName) {
    this.appName = appName;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
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

  public String getNewDatabase() {
    return newDatabase;
  }

  public void setNewDatabase(String newDatabase) {
    this.newDatabase = newDatabase;
  }

  public String getNewEngine() {
    return newEngine;
  }

  public void setNewEngine(String newEngine) {
    this.newEngine = newEngine;
  }
}
