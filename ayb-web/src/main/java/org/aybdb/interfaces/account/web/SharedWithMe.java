package org.aybdb.interfaces.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.aybdb.application.GrantableDatabase;
import org.aybdb.application.OAuthService;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.aybdb.interfaces.web.Visitor;

/** The "Shared with me" list on one's own entity page: others' databases one may query. */
@Named
@RequestScoped
public class SharedWithMe {

  @Inject OAuthService oauth;
  @Inject Visitor visitor;

  private List<GrantableDatabase> databases;

  public List<GrantableDatabase> getDatabases() {
    if (databases == null) {
      databases =
          visitor
              .caller()
              .map(caller -> oauth.grantable(caller, QueryPermissionLevel.READ_ONLY))
              .orElse(List.of())
              .stream()
              .filter(database -> !database.owned())
              .toList();
    }
    return databases;
  }
}
