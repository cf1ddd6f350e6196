package org.aybdb.application;

import java.util.Objects;

/** One grant as ayb lists it: the grantee's slug and the sharing level word. */
public record DatabaseGrant(String entitySlug, String sharingLevel) {
  public DatabaseGrant {
    Objects.requireNonNull(entitySlug, "entitySlug");
    Objects.requireNonNull(sharingLevel, "sharingLevel");
  }
}
