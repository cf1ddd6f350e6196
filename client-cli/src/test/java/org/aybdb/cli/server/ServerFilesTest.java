package org.aybdb.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aybdb.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerFilesTest {

  @TempDir Path data;

  @Test
  void writesThePayaraFilesAndEmptiesItsRoot() throws IOException {
    ServerFiles files = new ServerFiles(data);
    Path stale = files.payaraRoot().resolve("applications/ayb-web/old.txt");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "from the previous start");

    files.prepare("0.0.0.0");

    assertEquals(data.resolve(".server"), files.directory());
    assertTrue(Files.isDirectory(files.payaraRoot()));
    assertFalse(Files.exists(stale));
    String preboot = Files.readString(files.prebootFile());
    assertTrue(preboot.contains("set-microprofile-healthcheck-configuration"), preboot);
    assertFalse(preboot.contains("http-listener.address"), preboot);
    assertTrue(Files.readString(files.loggingFile()).contains(".level="));
  }

  @Test
  void bindsTheListenerToASpecificHost() throws IOException {
    ServerFiles files = new ServerFiles(data);

    files.prepare("127.0.0.1");

    assertTrue(
        Files.readString(files.prebootFile())
            .endsWith(
                "\nset configs.config.server-config.network-config.network-listeners"
                    + ".network-listener.http-listener.address=127.0.0.1\n"));
  }

  @Test
  void oneServerPerDataPath() throws IOException {
    FileLock lock = new ServerFiles(data).lock(data);
    try {
      assertTrue(lock.isValid());
      CliException second =
          assertThrows(CliException.class, () -> new ServerFiles(data).lock(data));
      assertEquals(
          "another ayb server is already running with data_path " + data, second.getMessage());
    } finally {
      lock.channel().close(); // releases the lock; the test JVM keeps running
    }
  }

  @Test
  void aDataPathThatIsAFileIsReported() throws IOException {
    Path file = Files.writeString(data.resolve("file"), "");

    CliException failure =
        assertThrows(CliException.class, () -> new ServerFiles(file).prepare("0.0.0.0"));

    assertTrue(failure.getMessage().startsWith("cannot prepare the server files"));
  }
}
