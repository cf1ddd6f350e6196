package org.aybdb.infrastructure.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.aybdb.config.AybConfiguration;

/** Makes the server's {@link AybConfiguration} injectable. */
@ApplicationScoped
public class ConfigurationProducer {

  // Dependent scope: a record cannot be proxied, and the value is a process-wide singleton anyway.
  @Produces
  AybConfiguration configuration() {
    return LoadedConfiguration.get();
  }
}
