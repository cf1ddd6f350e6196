package org.aybdb.infrastructure.persistence.datasource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Outside a server no JNDI name resolves: the message says which one and where it looked. */
class ServerDataSourceTest {

  @Test
  void aMissingNameIsOneLineNamingItAndTheKey() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ServerDataSource.lookup("jdbc/nope"));
    String message = e.getMessage();
    assertTrue(message.startsWith("The metadata data source `jdbc/nope` named by "), message);
    assertTrue(message.contains("AYB__METADATA__DATASOURCE_JNDI"), message);
    assertTrue(message.contains("is not bound on this server"), message);
    assertTrue(message.endsWith("Nothing could be listed under `jdbc`."), message);
    assertTrue(!message.contains("\n"), message);
  }
}
