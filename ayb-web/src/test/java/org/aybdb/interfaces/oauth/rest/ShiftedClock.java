package org.aybdb.interfaces.oauth.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in the tests' WAR (see {@code SharedServer}): the system clock moved forward
 * by an offset that {@link ClockControlServlet} sets, so {@link OAuthIT} sees a code expire without
 * waiting ten minutes; it puts the offset back to 0 after each test.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class ShiftedClock {

  static volatile Duration offset = Duration.ZERO;

  @Produces
  @Dependent
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
      }

      @Override
      public Instant instant() {
        return Instant.now().plus(offset);
      }
    };
  }
}
