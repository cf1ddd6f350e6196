package org.aybdb.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import org.aybdb.application.port.MetadataVersion;

/**
 * {@link MetadataVersion} as counted by EclipseLink's descriptor events ({@link MetadataChanges}).
 */
@ApplicationScoped
public class EclipseLinkMetadataVersion implements MetadataVersion {

  @Override
  public long version() {
    return MetadataChanges.version();
  }
}
