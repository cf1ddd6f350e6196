package org.aybdb.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Entities with API tokens for black-box tests: registered and confirmed through the API, the
 * confirmation token read from the server's JSON Lines e-mail log. Tests that register need {@link
 * #smtpServer()} as a static extension: the SQLite run also mails through SMTP, and both backends
 * must succeed.
 */
public final class TestAccounts {

  /** An entity and one of its API tokens. */
  public record Account(String entity, String token) {
    public String bearer() {
      return "Bearer " + token;
    }
  }

  private final ApiClient api;
  private final Path emails;

  public TestAccounts(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
    this.emails =
        Path.of(Objects.requireNonNull(System.getenv("AYB__DATA_PATH"), "AYB__DATA_PATH"))
            .resolve("emails.jsonl");
  }

  /** The SMTP server the SQLite run mails to (unused on a free port in the other run). */
  public static GreenMailExtension smtpServer() {
    String port = System.getProperty("ayb.test.smtp.port", "");
    String user = System.getProperty("ayb.test.smtp.username", "u");
    String password = System.getProperty("ayb.test.smtp.password", "p");
    return new GreenMailExtension(
            port.isBlank()
                ? ServerSetupTest.SMTP.dynamicPort()
                : new ServerSetup(Integer.parseInt(port), "127.0.0.1", "smtp"))
        .withConfiguration(GreenMailConfiguration.aConfig().withUser(user, user, password))
        .withPerMethodLifecycle(false);
  }

  /** A fresh, unique entity name starting with {@code prefix}. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Registers and confirms a new user entity named {@code prefix-<random>}. */
  public Account register(String prefix) throws Exception {
    String entity = unique(prefix);
    String address = entity + "@example.org";
    HttpResponse<String> registered =
        api.send(
            api.request("/v1/register")
                .header("entity", entity)
                .header("email-address", address)
                .header("entity-type", "user")
                .POST(BodyPublishers.noBody()));
    assertEquals(200, registered.statusCode(), registered.body());
    return new Account(entity, confirm(lastTokenTo(address)));
  }

  /**
   * The entity named exactly {@code entity} with a new API token: registered on first use; later
   * registrations with the same (verified) address are log-ins, as in ayb.
   */
  public Account named(String entity) throws Exception {
    String address = entity + "@example.org";
    HttpResponse<String> registered =
        api.send(
            api.request("/v1/register")
                .header("entity", entity)
                .header("email-address", address)
                .header("entity-type", "organization")
                .POST(BodyPublishers.noBody()));
    assertEquals(200, registered.statusCode(), registered.body());
    return new Account(entity, confirm(lastTokenTo(address)));
  }

  /** A second API token for {@code account}, through log-in and confirmation. */
  public Account logIn(Account account) throws Exception {
    HttpResponse<String> loggedIn =
        api.send(
            api.request("/v1/log_in")
                .header("entity", account.entity())
                .POST(BodyPublishers.noBody()));
    assertEquals(200, loggedIn.statusCode(), loggedIn.body());
    return new Account(account.entity(), confirm(lastTokenTo(account.entity() + "@example.org")));
  }

  /** Revokes {@code token}'s own token, using that token. */
  public void revoke(Account account) throws Exception {
    String shortToken = account.token().split("_")[1];
    HttpResponse<String> revoked =
        api.send(
            api.request("/v1/tokens/" + shortToken)
                .header("Authorization", account.bearer())
                .DELETE());
    assertEquals(200, revoked.statusCode(), revoked.body());
  }

  /** The newest confirmation token mailed to {@code entity} (after a log-in or registration). */
  public String confirmationToken(String entity) throws Exception {
    return lastTokenTo(entity + "@example.org");
  }

  private String confirm(String confirmationToken) throws Exception {
    HttpResponse<String> confirmed =
        api.send(
            api.request("/v1/confirm")
                .header("authentication-token", confirmationToken)
                .POST(BodyPublishers.noBody()));
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    return ApiClient.json(confirmed).getString("token");
  }

  private String lastTokenTo(String address) throws Exception {
    List<JsonObject> messages =
        Files.readAllLines(emails).stream()
            .map(line -> Json.createReader(new StringReader(line)).readObject())
            .filter(message -> address.equals(message.getString("to")))
            .toList();
    if (messages.isEmpty()) {
      throw new AssertionError("No e-mail to " + address + " in " + emails);
    }
    return messages
        .get(messages.size() - 1)
        .getJsonArray("content")
        .getValuesAs(JsonString.class)
        .stream()
        .map(JsonString::getString)
        .filter(line -> line.startsWith("\t") && line.contains("ayb client confirm "))
        .map(line -> line.substring(line.indexOf("ayb client confirm ") + 19))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No token in the e-mail to " + address));
  }
}
