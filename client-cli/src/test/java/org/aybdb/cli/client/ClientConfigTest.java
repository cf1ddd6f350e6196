package org.aybdb.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {

  @TempDir Path folder;

  @Test
  void aMissingFileIsTheEmptyConfiguration() {
    ClientConfig config = ClientConfig.read(folder.resolve("none.json"));

    assertEquals("{\"version\":1,\"authentication\":{},\"default_url\":null}", config.toJson());
  }

  @Test
  void writesAybsBytesCreatingTheFolderWithoutTrailingNewline() throws Exception {
    Path file = folder.resolve("a/b/ayb.json");
    ClientConfig config = ClientConfig.read(file);
    config.setDefaultUrl("http://127.0.0.1:5433");
    config.saveToken("http://127.0.0.1:5433", "ayb_abc_def");
    config.saveToken("https://ayb.example/", "ayb_x_y");

    config.write(file);

    assertEquals(
        "{\"version\":1,\"authentication\":{\"http://127.0.0.1:5433\":\"ayb_abc_def\","
            + "\"https://ayb.example/\":\"ayb_x_y\"},\"default_url\":\"http://127.0.0.1:5433\"}",
        Files.readString(file, StandardCharsets.UTF_8));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void readsWhatItWroteKeepingTheOrderOfTokens() throws Exception {
    Path file = folder.resolve("ayb.json");
    Files.writeString(
        file,
        "{ \"version\": 1,\n \"authentication\": {\"b\": \"2\", \"a\": \"1\"},\n"
            + " \"default_url\": \"b\", \"unknown\": true }\n");

    ClientConfig config = ClientConfig.read(file);
    config.saveToken("b", "3");
    config.write(file);

    assertEquals(
        "{\"version\":1,\"authentication\":{\"b\":\"3\",\"a\":\"1\"},\"default_url\":\"b\"}",
        Files.readString(file));
  }

  @Test
  void escapesStringsAsSerdeJson() {
    ClientConfig config = new ClientConfig();
    config.setDefaultUrl("http://x/\"q\"\\\u0001\n\té/");

    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"http://x/\\\"q\\\"\\\\\\u0001\\n\\té/\"}",
        config.toJson());
  }

  @Test
  void aDefaultUrlOfNullOrMissingReadsAsNone() {
    assertNull(ClientConfig.parse("{\"version\":1,\"authentication\":{}}").defaultUrl());
    assertNull(
        ClientConfig.parse("{\"version\":1,\"authentication\":{},\"default_url\":null}")
            .defaultUrl());
  }

  @Test
  void anInvalidFileIsAConfigurationError() throws Exception {
    Path file = folder.resolve("ayb.json");
    Files.writeString(file, "{\"version\":1,\"authentication\":[]}");

    CliException error = assertThrows(CliException.class, () -> ClientConfig.read(file));

    assertEquals(ExitCodes.CONFIG, error.exitCode());
    assertEquals(
        file
            + " is not a valid ayb client configuration: `authentication` must be an object of"
            + " URL to token",
        error.getMessage());
    Files.writeString(file, "not json");
    assertTrue(
        assertThrows(CliException.class, () -> ClientConfig.read(file))
            .getMessage()
            .startsWith(file + " is not a valid ayb client configuration: "));
  }
}
