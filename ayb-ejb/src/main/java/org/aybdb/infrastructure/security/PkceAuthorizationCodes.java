package org.aybdb.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.aybdb.application.port.AuthorizationCodes;

/** {@link AuthorizationCodes} with {@link Pkce}'s codes and S256, stored as hex SHA-256. */
@ApplicationScoped
public class PkceAuthorizationCodes implements AuthorizationCodes {

  @Override
  public String newCode() {
    return Pkce.newCode();
  }

  @Override
  public String hash(String code) {
    return Sha256.hex(code);
  }

  @Override
  public boolean isS256Challenge(String challenge) {
    return Pkce.isS256Challenge(challenge);
  }

  @Override
  public boolean verifies(String challenge, String verifier) {
    return Pkce.verifies(challenge, verifier);
  }
}
