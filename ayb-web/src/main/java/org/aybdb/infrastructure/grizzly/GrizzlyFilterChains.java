package org.aybdb.infrastructure.grizzly;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;

/**
 * Finds the Grizzly filter chains of Payara's HTTP listeners, and edits them. Payara publishes them
 * only through its internal service registry, so the few calls into it are reflective: a Payara
 * that moved them yields no chain (and the caller logs that), not a failed deployment.
 *
 * <p>A chain serving requests is never changed in place: each connection keeps per-filter state in
 * an array sized by the chain when the connection began, and a request running through the chain
 * walks it by index, so a filter added under it fails with {@code ArrayIndexOutOfBoundsException}
 * (or runs a filter twice). An edit builds a new chain and puts it in the old one's place on the
 * listener in one step: requests under way finish on the old chain, later ones run on the new.
 */
final class GrizzlyFilterChains {

  private GrizzlyFilterChains() {}

  /**
   * Replaces the filter chain of every started HTTP listener by an edited copy.
   *
   * @param edit changes the copy's filters (a mutable list, in chain order)
   * @return how many listeners' chains were replaced
   */
  static int edit(Consumer<List<Filter>> edit) throws ReflectiveOperationException {
    int edited = 0;
    for (Transport transport : transports()) {
      if (replace(transport, edit)) {
        edited++;
      }
    }
    return edited;
  }

  /**
   * Puts an edited copy of {@code transport}'s filter chain in its place; false if its processor is
   * not a filter chain.
   */
  static boolean replace(Transport transport, Consumer<List<Filter>> edit) {
    synchronized (transport) {
      if (!(transport.getProcessor() instanceof FilterChain current)) {
        return false;
      }
      List<Filter> filters = new ArrayList<>(current);
      edit.accept(filters);
      transport.setProcessor(FilterChainBuilder.stateless().addAll(filters).build());
      return true;
    }
  }

  /** The transport of every started HTTP listener. */
  private static List<Transport> transports() throws ReflectiveOperationException {
    ClassLoader loader = Transport.class.getClassLoader();
    Object locator =
        Class.forName("org.glassfish.internal.api.Globals", true, loader)
            .getMethod("getDefaultHabitat")
            .invoke(null);
    Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator", true, loader);
    Class<?> listenerConfig =
        Class.forName("org.glassfish.grizzly.config.dom.NetworkListener", true, loader);
    Class<?> serviceType =
        Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, loader);
    Object service =
        locatorType
            .getMethod("getService", Class.class, Annotation[].class)
            .invoke(locator, serviceType, new Annotation[0]);
    List<?> configs =
        (List<?>)
            locatorType
                .getMethod("getAllServices", Class.class, Annotation[].class)
                .invoke(locator, listenerConfig, new Annotation[0]);
    List<Transport> transports = new ArrayList<>();
    for (Object config : configs) {
      Object proxy =
          serviceType.getMethod("lookupNetworkProxy", listenerConfig).invoke(service, config);
      if (proxy == null) {
        continue;
      }
      Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
      if (listener == null) {
        continue;
      }
      Transport transport =
          (Transport) listener.getClass().getMethod("getTransport").invoke(listener);
      if (transport != null) {
        transports.add(transport);
      }
    }
    return transports;
  }
}
