package org.aybdb.application;

import java.util.Objects;

/** A new API token for {@code entity}: shown to its owner once, never stored in clear. */
public record IssuedApiToken(String entity, String token) {
  public IssuedApiToken {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(token, "token");
  }

  /** Without the token. */
  @Override
  public String toString() {
    return "IssuedApiToken[entity=" + entity + "]";
  }
}
