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
 * stop-domain}), and drains this application when it starts to be undeployed or disabled: Payara
 * announces each to its event listeners, and waits for them, before it stops any module. Registered
 * through Payara's internal event bus, reflectively, like {@link GrizzlyFilterChains}.
 */
final class ShutdownListener {

  private static final Logger LOG = Logger.getLogger(ShutdownListener.class.getName());

  /** The name of Payara's event {@code EventTypes.PREPARE_SHUTDOWN}. */
  static final String PREPARE_SHUTDOWN = "prepare_shutdown";

  /**
   * Payara's events {@code Deployment.UNDEPLOYMENT_START} and {@code DISABLE_START}: about to stop
   * the application they carry.
   */
  static final java.util.Set<String> APPLICATION_STOPPING =
      java.util.Set.of("Undeployment_Start", "Disable_Start");

  private final Drain drain;
  private final Duration grace;
  private final String application;
  private volatile boolean serverStopping;
  private Object events;
  private Object listener;

  /**
   * @param application this application's name ({@code java:app/AppName}), or null if unknown
   */
  ShutdownListener(Drain drain, Duration grace, String application) {
    this.drain = Objects.requireNonNull(drain, "drain");
    this.grace = Objects.requireNonNull(grace, "grace");
    this.application = application;
  }

  /**
   * Whether an event says that this application is about to stop serving: the server stops, or this
   * very application (not another one on the same server) is undeployed or disabled.
   *
   * @param event the event's name
   * @param subject the name of the application it carries, or null
   */
  boolean stopsThisApplication(String event, String subject) {
    return PREPARE_SHUTDOWN.equals(event)
        || (APPLICATION_STOPPING.contains(event)
            && application != null
            && application.equals(subject));
  }

  /** The name of the application an event's hook carries ({@code ApplicationInfo}), or null. */
  private static String applicationOf(Object event) {
    try {
      Object hook = event.getClass().getMethod("hook").invoke(event);
      return hook == null
          ? null
          : String.valueOf(hook.getClass().getMethod("getName").invoke(hook));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
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
                    String event = String.valueOf(name.invoke(args[0]));
                    if (PREPARE_SHUTDOWN.equals(event)) {
                      serverStopping = true;
                    }
                    if (PREPARE_SHUTDOWN.equals(event)
                        || (APPLICATION_STOPPING.contains(event)
                            && stopsThisApplication(event, applicationOf(args[0])))) {
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

  /** Whether the server announced that it stops (rather than this application alone). */
  boolean serverStopping() {
    return serverStopping;
  }

  /** Stops listening. */
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

  /** Refuses new requests and waits for those in flight, at most the grace period. */
  void drain() {
    if (drain.draining()) {
      return;
    }
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
