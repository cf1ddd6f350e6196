package org.aybdb.infrastructure.grizzly;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
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
   * @param edit changes the copy's filters (a mutable list, in chain order), given the listener's
   *     name
   * @return how many listeners' chains were replaced
   */
  static int edit(BiConsumer<String, List<Filter>> edit) throws ReflectiveOperationException {
    int edited = 0;
    for (Map.Entry<String, Transport> listener : transports().entrySet()) {
      if (replace(listener.getValue(), filters -> edit.accept(listener.getKey(), filters))) {
        edited++;
      }
    }
    return edited;
  }

  /**
   * The names of the HTTP listeners of a virtual server (the one an application is deployed to
   * serves its requests on those alone); empty when there is no such virtual server.
   */
  static Set<String> listenersOf(String virtualServer) throws ReflectiveOperationException {
    ClassLoader loader = Transport.class.getClassLoader();
    Class<?> serverType =
        Class.forName("com.sun.enterprise.config.serverbeans.VirtualServer", true, loader);
    for (Object server : services(serverType)) {
      if (Objects.equals(serverType.getMethod("getId").invoke(server), virtualServer)) {
        String names = (String) serverType.getMethod("getNetworkListeners").invoke(server);
        Set<String> listeners = new HashSet<>();
        for (String name : names == null ? new String[0] : names.split(",")) {
          if (!name.isBlank()) {
            listeners.add(name.strip());
          }
        }
        return listeners;
      }
    }
    return Set.of();
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

  /** The transport of every started HTTP listener, by the listener's name. */
  private static Map<String, Transport> transports() throws ReflectiveOperationException {
    ClassLoader loader = Transport.class.getClassLoader();
    Class<?> listenerConfig =
        Class.forName("org.glassfish.grizzly.config.dom.NetworkListener", true, loader);
    Class<?> serviceType =
        Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, loader);
    Object service =
        locatorType()
            .getMethod("getService", Class.class, Annotation[].class)
            .invoke(locator(), serviceType, new Annotation[0]);
    Map<String, Transport> transports = new LinkedHashMap<>();
    for (Object config : services(listenerConfig)) {
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
        transports.put((String) listenerConfig.getMethod("getName").invoke(config), transport);
      }
    }
    return transports;
  }

  /** Every service of {@code type} in Payara's service registry. */
  private static List<?> services(Class<?> type) throws ReflectiveOperationException {
    return (List<?>)
        locatorType()
            .getMethod("getAllServices", Class.class, Annotation[].class)
            .invoke(locator(), type, new Annotation[0]);
  }

  private static Object locator() throws ReflectiveOperationException {
    return Class.forName(
            "org.glassfish.internal.api.Globals", true, Transport.class.getClassLoader())
        .getMethod("getDefaultHabitat")
        .invoke(null);
  }

  private static Class<?> locatorType() throws ClassNotFoundException {
    return Class.forName(
        "org.glassfish.hk2.api.ServiceLocator", true, Transport.class.getClassLoader());
  }
}
