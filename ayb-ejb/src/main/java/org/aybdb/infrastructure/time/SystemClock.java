package org.aybdb.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock that time-limited grants (OAuth authorization codes) are checked against: the system's
 * UTC clock. Tests replace it with a CDI alternative to see a code expire without waiting.
 */
@ApplicationScoped
public class SystemClock {

  @Produces
  @Dependent
  public Clock clock() {
    return Clock.systemUTC();
  }
}
