package org.aybdb.infrastructure.grizzly;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.Transport;

/**
 * Drains the server when Payara starts to stop (SIGTERM, Ctrl-C, a launcher's stop, {@code asadmin
 * stop-domain}): Payara announces that to its event listeners, and waits for them, before it
 * unloads any application. Registered through Payara's internal event bus, reflectively, like
 * {@link GrizzlyFilterChains}.
 */
final class ShutdownListener {

  private static final Logger LOG = Logger.getLogger(ShutdownListener.class.getName());

  /** The name of Payara's event {@code EventTypes.PREPARE_SHUTDOWN}. */
  static final String PREPARE_SHUTDOWN = "prepare_shutdown";

  private final Drain drain;
  private final Duration grace;
  private Object events;
  private Object listener;

  ShutdownListener(Drain drain, Duration grace) {
    this.drain = Objects.requireNonNull(drain, "drain");
    this.grace = Objects.requireNonNull(grace, "grace");
  }

  /** Starts listening; false when Payara's event bus cannot be reached. */
  boolean register() {
    try {
      ClassLoader loader = Transport.class.getClassLoader();
      Object locator =
          Class.forName("org.glassfish.internal.api.Globals", true, loader)
              .getMethod("getDefaultHabitat")
              .invoke(null);
      Class<?> eventsType = Class.forName("org.glassfish.api.event.Events", true, loader);
      Class<?> listenerType = Class.forName("org.glassfish.api.event.EventListener", true, loader);
      events =
          Class.forName("org.glassfish.hk2.api.ServiceLocator", true, loader)
              .getMethod("getService", Class.class, Annotation[].class)
              .invoke(locator, eventsType, new Annotation[0]);
      Method name =
          Class.forName("org.glassfish.api.event.EventListener$Event", true, loader)
              .getMethod("name");
      listener =
          Proxy.newProxyInstance(
              loader,
              new Class<?>[] {listenerType},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "event" -> {
                    if (PREPARE_SHUTDOWN.equals(name.invoke(args[0]))) {
                      drain();
                    }
                    return null;
                  }
                  case "hashCode" -> {
                    return System.identityHashCode(proxy);
                  }
                  case "equals" -> {
                    return proxy == args[0];
                  }
                  default -> {
                    return "ayb drain on shutdown";
                  }
                }
              });
      eventsType.getMethod("register", listenerType).invoke(events, listener);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot listen for the server's shutdown; it will not drain", e);
      return false;
    }
  }

  /** Stops listening (the application is being undeployed, not the server stopped). */
  void unregister() {
    if (events == null) {
      return;
    }
    try {
      for (Method m : events.getClass().getMethods()) {
        if (m.getName().equals("unregister") && m.getParameterCount() == 1) {
          m.invoke(events, listener);
          return;
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "Cannot stop listening for the server's shutdown", e);
    }
  }

  private void drain() {
    int before = drain.inFlight();
    LOG.info(
        "Stopping: refusing new requests (503); waiting up to "
            + grace.toSeconds()
            + " s for "
            + before
            + " in flight");
    try {
      int left = drain.drain(grace);
      if (left > 0) {
        LOG.warning("The shutdown grace period ran out with " + left + " requests in flight");
      } else {
        LOG.info("Drained: no request in flight");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
