package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.Objects;
import org.aybdb.application.ScopedAccessToken;
import org.aybdb.domain.model.oauth.OAuthAuthorizationRequest;
import org.aybdb.domain.model.oauth.OAuthAuthorizationRequestRepository;

/**
 * Claims a checked authorization code and mints its scoped token in one transaction that begins
 * with the claim: of two concurrent exchanges exactly one wins, the other hears that the code was
 * used.
 */
@Stateless
public class CodeRedemption {

  @Inject OAuthAuthorizationRequestRepository requests;
  @Inject ApiTokenIssuer issuer;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ScopedAccessToken redeem(String codeHash, LocalDateTime now) {
    Objects.requireNonNull(codeHash, "codeHash");
    if (!requests.markUsed(codeHash, now)) {
      throw DefaultOAuthService.invalidGrant("Authorization code has already been used");
    }
    OAuthAuthorizationRequest request =
        requests
            .find(codeHash)
            .orElseThrow(() -> DefaultOAuthService.invalidGrant("Authorization code not found"));
    return issuer.issueScoped(
        request.account(), request.database(), request.grantedLevel(), request.appName());
  }
}
