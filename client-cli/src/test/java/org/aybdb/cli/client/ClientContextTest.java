package org.aybdb.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.aybdb.cli.CommandRun;
import org.aybdb.cli.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the configuration file is, and how the URL and the token are found (as in ayb's client).
 */
class ClientContextTest {

  @TempDir Path home;

  private FakeAybServer server;
  private Path config;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeAybServer();
    server.answer("GET", "/v1/tokens", 200, "{\"tokens\":[]}");
    server.answer("POST", "/v1/confirm", 200, "{\"entity\":\"e\",\"token\":\"ayb_new_token\"}");
    config = home.resolve("cfg/ayb.json");
    environment = new HashMap<>(Map.of("AYB_CLIENT_CONFIG_FILE", config.toString()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CommandRun run(String... args) {
    return CommandRun.run(environment, args);
  }

  private String file() throws Exception {
    return Files.readString(config);
  }

  @Test
  void theFileIsFoundAsAybFindsIt() {
    Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/u"));
    assertEquals(
        Path.of("/home/u/.config/ayb/ayb.json"), ClientContext.defaultConfigPath(env, "Linux"));
    env.put("XDG_CONFIG_HOME", "/xdg");
    assertEquals(Path.of("/xdg/ayb/ayb.json"), ClientContext.defaultConfigPath(env, "Linux"));
    env.put("XDG_CONFIG_HOME", "relative");
    assertEquals(
        Path.of("/home/u/.config/ayb/ayb.json"), ClientContext.defaultConfigPath(env, "Linux"));
    assertEquals(
        Path.of("/home/u/Library/Application Support/org.ayb.ayb/ayb.json"),
        ClientContext.defaultConfigPath(env, "Mac OS X"));
  }

  @Test
  void setDefaultUrlNeedsNoServerAndWritesAybsBytes() throws Exception {
    CommandRun run = run("client", "set_default_url", "http://ayb.example:5433");

    assertEquals("Saved http://ayb.example:5433 as new default_url\n", run.out());
    assertEquals(ExitCodes.OK, run.status());
    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"http://ayb.example:5433\"}",
        file());
  }

  @Test
  void xdgConfigHomeIsTheDefaultPlace() throws Exception {
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", home.toString(), "HOME", "/nonexistent");

    CommandRun run = CommandRun.run(env, "client", "set_default_url", "http://x");

    assertEquals(ExitCodes.OK, run.status());
    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"http://x\"}",
        Files.readString(home.resolve("ayb/ayb.json")));
  }

  @Test
  void theConfigOptionBeatsTheVariable() throws Exception {
    Path other = home.resolve("other.json");

    run("client", "--config", other.toString(), "set_default_url", "http://x");

    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"http://x\"}",
        Files.readString(other));
    assertFalse(Files.exists(config));
  }

  @Test
  void aGivenUrlBecomesTheDefaultOnlyIfThereIsNone() throws Exception {
    CommandRun first = run("client", "--url", server.url(), "--token", "t", "list_tokens");

    assertEquals("No active API tokens\n", first.out());
    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"" + server.url() + "\"}", file());

    run("client", "--url", "http://127.0.0.1:1", "--token", "t", "list_tokens");
    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"" + server.url() + "\"}", file());
  }

  @Test
  void theUrlVariableActsLikeTheOption() throws Exception {
    environment.put("AYB_SERVER_URL", server.url());
    environment.put("AYB_API_TOKEN", "t");

    CommandRun run = run("client", "list_tokens");

    assertEquals("No active API tokens\n", run.out());
    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"" + server.url() + "\"}", file());
  }

  @Test
  void withoutAnyUrlTheCommandFailsNamingTheFile() {
    CommandRun run = run("client", "list", "e");

    assertEquals(ExitCodes.CONFIG, run.status());
    assertEquals(
        "Error: Server URL is required through --url parameter, AYB_SERVER_URL environment"
            + " variable, or default_url in "
            + config
            + "\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void confirmSavesTheTokenForTheUrlAndLaterCommandsUseIt() throws Exception {
    CommandRun confirm = run("client", "--url", server.url(), "confirm", "gAAAA-email-token");

    assertEquals("Successfully authenticated e and saved token ayb_new_token\n", confirm.out());
    assertEquals("gAAAA-email-token", server.lastRequest().header("authentication-token"));
    assertEquals(
        "{\"version\":1,\"authentication\":{\""
            + server.url()
            + "\":\"ayb_new_token\"},\"default_url\":\""
            + server.url()
            + "\"}",
        file());

    run("client", "list_tokens");
    assertEquals("Bearer ayb_new_token", server.lastRequest().header("authorization"));

    environment.put("AYB_API_TOKEN", "ayb_from_env");
    run("client", "list_tokens");
    assertEquals("Bearer ayb_from_env", server.lastRequest().header("authorization"));

    run("client", "--token", "ayb_from_option", "list_tokens");
    assertEquals("Bearer ayb_from_option", server.lastRequest().header("authorization"));
  }

  @Test
  void theSavedTokenBelongsToItsUrlOnly() throws Exception {
    Files.createDirectories(config.getParent());
    Files.writeString(
        config,
        "{\"version\":1,\"authentication\":{\"http://elsewhere\":\"ayb_other\"},\"default_url\":null}");
    server.answer("GET", "/v1/entity/e", 200, "{\"slug\":\"e\",\"profile\":{},\"databases\":[]}");

    CommandRun run = run("client", "--url", server.url(), "list", "e");

    assertEquals("No queryable databases owned by e\n", run.out());
    assertNull(server.lastRequest().header("authorization"));
  }

  @Test
  void globalOptionsMayFollowTheSubcommand() {
    CommandRun run = run("client", "list_tokens", "--token", "t2", "--url", server.url());

    assertEquals("No active API tokens\n", run.out());
    assertEquals("Bearer t2", server.lastRequest().header("authorization"));
  }

  @Test
  void onlyTheNamedSubcommandIsBuilt() {
    assertEquals("list", ClientCommand.requested(new String[] {"client", "list", "e"}));
    assertEquals(
        "query",
        ClientCommand.requested(
            new String[] {"client", "--url", "u", "--token=t", "--config", "c", "query", "e/d"}));
    assertNull(ClientCommand.requested(new String[] {"client", "--help", "list"}));
    assertNull(ClientCommand.requested(new String[] {"server"}));
    assertNull(ClientCommand.requested(new String[] {"client"}));
  }
}
