package org.aybdb.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.oauth.RedirectUri;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * A browser app's checked request for access to one database: who asks ({@code appName}), for which
 * level, where the answer goes, the PKCE S256 challenge and the app's opaque {@code state}.
 */
public record ConsentRequest(
    String appName,
    QueryPermissionLevel level,
    RedirectUri redirectUri,
    String codeChallenge,
    Optional<String> state) {

  public ConsentRequest {
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(codeChallenge, "codeChallenge");
    Objects.requireNonNull(state, "state");
  }

  /** Where the browser goes when the user says no: {@code error=access_denied}, state echoed. */
  public String deniedRedirect() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("error", "access_denied");
    parameters.put("state", state.orElse(null));
    return redirectUri.with(parameters);
  }
}
