package org.aybdb.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MetadataChangesTest {

  @Test
  void everyChangeMovesTheVersionSeenThroughThePort() {
    EclipseLinkMetadataVersion port = new EclipseLinkMetadataVersion();
    long before = port.version();
    MetadataChanges.changed();
    assertNotEquals(before, port.version());
  }
}
