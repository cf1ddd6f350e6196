package org.aybdb.infrastructure.cdi;

import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The instance behind a normal-scoped bean's client proxy, for code on the hottest path: each call
 * through a Weld client proxy looks the bean's container and context up again (a few hundred
 * nanoseconds, several times per point query). Only for {@code @ApplicationScoped} beans, whose one
 * instance lives as long as the application (the route that holds it is retired with the
 * application). Interceptors still apply: Weld builds them into the instance itself. Where the
 * proxy is not Weld's, the proxy is kept.
 */
public final class ContextualInstances {

  private static final Logger LOG = Logger.getLogger(ContextualInstances.class.getName());

  private ContextualInstances() {}

  /** The contextual instance behind {@code proxy}, or {@code proxy} itself. */
  @SuppressWarnings("unchecked")
  public static <T> T of(T proxy, Class<T> type) {
    Objects.requireNonNull(proxy, "proxy");
    try {
      // org.jboss.weld.proxy.WeldClientProxy, by reflection: no compile-time tie to Weld.
      Class<?> weldProxy =
          Class.forName(
              "org.jboss.weld.proxy.WeldClientProxy", false, proxy.getClass().getClassLoader());
      if (!weldProxy.isInstance(proxy)) {
        return proxy;
      }
      Class<?> metadataType =
          Class.forName(weldProxy.getName() + "$Metadata", false, weldProxy.getClassLoader());
      Object meta = weldProxy.getMethod("getMetadata").invoke(proxy);
      Object instance = metadataType.getMethod("getContextualInstance").invoke(meta);
      return type.isInstance(instance) ? (T) instance : proxy;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(Level.FINE, "Keeping the client proxy of " + type.getName(), e);
      return proxy;
    }
  }
}
