package org.aybdb.infrastructure.grizzly;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Which of Payara's events drain the application: the server stopping, and this application (not
 * another one on the same server) being undeployed or disabled; and that draining lets the request
 * in flight finish while new ones are refused.
 */
class ShutdownListenerTest {

  @Test
  void theServerStoppingOrThisApplicationsUndeploymentDrains() {
    ShutdownListener listener = new ShutdownListener(new Drain(), Duration.ofSeconds(1), "ayb");
    assertTrue(listener.stopsThisApplication("prepare_shutdown", null));
    assertTrue(listener.stopsThisApplication("Undeployment_Start", "ayb"));
    assertTrue(listener.stopsThisApplication("Disable_Start", "ayb"));
    assertFalse(listener.stopsThisApplication("Undeployment_Start", "another-app"));
    assertFalse(listener.stopsThisApplication("Undeployment_Start", null));
    assertFalse(listener.stopsThisApplication("Deployment_Start", "ayb"));
    assertFalse(
        new ShutdownListener(new Drain(), Duration.ofSeconds(1), null)
            .stopsThisApplication("Undeployment_Start", "ayb"),
        "an unknown own name never matches another application's undeployment");
  }

  @Test
  void drainingWaitsForTheRequestInFlightAndRefusesNewOnes() throws Exception {
    Drain drain = new Drain();
    ShutdownListener listener = new ShutdownListener(drain, Duration.ofSeconds(5), "ayb");
    drain.started(); // a request in flight
    CompletableFuture<Void> drained = CompletableFuture.runAsync(listener::drain);
    // The drain starts on another thread, which a busy machine may start late: wait for it to
    // begin rather than for a fixed time, then check that it holds while the request is in flight.
    await("new requests are refused once the drain begins")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10))
        .until(drain::draining);
    Thread.sleep(200);
    assertFalse(drained.isDone(), "the undeployment waits for the request in flight");
    drain.finished();
    drained.get(5, TimeUnit.SECONDS);
    assertEquals(0, drain.inFlight());
  }
}
