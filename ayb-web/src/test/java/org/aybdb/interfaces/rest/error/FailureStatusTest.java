package org.aybdb.interfaces.rest.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.junit.jupiter.api.Test;

/** Each kind of failure has its own status, a 4xx exactly when the caller is at fault. */
class FailureStatusTest {

  @Test
  void eachKindHasItsOwnStatus() {
    Set<Integer> statuses = new HashSet<>();
    for (AybException.Kind kind : AybException.Kind.values()) {
      statuses.add(FailureStatus.of(kind));
    }
    assertEquals(AybException.Kind.values().length, statuses.size());
  }

  @Test
  void theCallersFaultsAreTheClientErrors() {
    for (AybException.Kind kind : EnumSet.allOf(AybException.Kind.class)) {
      int status = FailureStatus.of(kind);
      assertEquals(kind.isCallersFault(), status >= 400 && status < 500, kind + " -> " + status);
    }
  }

  @Test
  void theStatusesOnTheWireStayAsTheyWere() {
    assertEquals(400, FailureStatus.of(AybException.badRequest("bad")));
    assertEquals(404, FailureStatus.of(AybException.recordNotFound("a/b", "database")));
    assertEquals(404, FailureStatus.of(AybException.snapshotDoesNotExist()));
    assertEquals(
        401,
        FailureStatus.of(
            AybException.recordNotFound("t", "api_token", AybException.Kind.UNAUTHENTICATED)));
    assertEquals(
        429, FailureStatus.of(AybException.tooManyRequests("slow", java.time.Duration.ZERO)));
    assertEquals(503, FailureStatus.of(AybException.unavailable("busy", java.time.Duration.ZERO)));
    assertEquals(
        409, FailureStatus.of(new AybException(ErrorType.Other, AybException.Kind.CONFLICT, "x")));
    assertEquals(
        413,
        FailureStatus.of(new AybException(ErrorType.QueryError, AybException.Kind.TOO_LARGE, "x")));
  }
}
