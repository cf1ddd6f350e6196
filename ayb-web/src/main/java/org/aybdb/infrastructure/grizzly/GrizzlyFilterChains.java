package org.aybdb.infrastructure.grizzly;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.filterchain.FilterChain;

/**
 * Finds the Grizzly filter chains of Payara's HTTP listeners. Payara publishes them only through
 * its internal service registry, so the few calls into it are reflective: a Payara that moved them
 * yields no chain (and the caller logs that), not a failed deployment.
 */
final class GrizzlyFilterChains {

  private GrizzlyFilterChains() {}

  /** The filter chain of every started HTTP listener. */
  static List<FilterChain> find() throws ReflectiveOperationException {
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
    List<FilterChain> chains = new ArrayList<>();
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
      Processor<?> processor = transport == null ? null : transport.getProcessor();
      if (processor instanceof FilterChain chain) {
        chains.add(chain);
      }
    }
    return chains;
  }
}
