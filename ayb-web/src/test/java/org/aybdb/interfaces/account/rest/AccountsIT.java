package org.aybdb.interfaces.account.rest;

import static org.aybdb.interfaces.rest.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.macasaet.fernet.Key;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.IvParameterSpec;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.BothMetadataStores;
import org.aybdb.interfaces.rest.ServerUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account endpoints over HTTP against the real WAR on Payara Micro, once per metadata store:
 * registration, confirmation, log-in, API tokens, entity pages and profiles, with every refusal's
 * status and message. Every test uses entities and addresses of its own, so the per-address and
 * per-entity e-mail limits ({@code ayb.test.rateLimit}) never meet across tests. In the SQLite run
 * the server also mails through SMTP to the GreenMail server started here.
 */
@BothMetadataStores
class AccountsIT {

  private static final String SMTP_PORT = System.getProperty("ayb.test.smtp.port", "");
  private static final String SMTP_USER = System.getProperty("ayb.test.smtp.username", "u");
  private static final String SMTP_PASSWORD = System.getProperty("ayb.test.smtp.password", "p");
  private static final int RATE_LIMIT = Integer.getInteger("ayb.test.rateLimit", 10);
  private static final String DEFAULT_SENDER = "ayb <noreply@localhost>";
  private static final String LOCAL_BASE_URL = "http://localhost:5433";
  private static final String BASE58 = "[1-9A-HJ-NP-Za-km-z]+";

  /** The SMTP server of the SQLite run; in the other run it runs unused on a free port. */
  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(
              SMTP_PORT.isBlank()
                  ? ServerSetupTest.SMTP.dynamicPort()
                  : new ServerSetup(Integer.parseInt(SMTP_PORT), "127.0.0.1", "smtp"))
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_USER, SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  @ServerUrl URL base;

  private ApiClient api;
  private final EmailLog emails = new EmailLog();

  @BeforeEach
  void client() {
    api = new ApiClient(base);
  }

  // ---- the whole flow ------------------------------------------------------------------------

  @Test
  void registerConfirmLogInListAndRevokeTokens() throws Exception {
    String entity = unique("flow");
    String address = entity + "@example.org";

    HttpResponse<String> registered = register(entity, address, "user");
    assertEquals(200, registered.statusCode(), registered.body());
    assertEquals("{}", registered.body());
    JsonObject mail = emails.lastMessageTo(address);
    String first = EmailLog.token(mail);
    assertAybsConfirmationMail(mail, address, first);

    HttpResponse<String> confirmed = confirm(first);
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    JsonObject login = json(confirmed);
    assertEquals(entity, login.getString("entity"));
    String firstToken = login.getString("token");
    assertTrue(firstToken.matches("ayb_" + BASE58 + "_" + BASE58), firstToken);
    assertEquals(List.of("entity", "token"), List.copyOf(login.keySet()));

    assertError(confirm(first), 400, "Other", REUSED);

    assertEquals(200, profile(entity, firstToken).statusCode());

    HttpResponse<String> loggedIn = logIn(entity.toUpperCase(Locale.ROOT));
    assertEquals(200, loggedIn.statusCode(), loggedIn.body());
    assertEquals("{}", loggedIn.body());
    String second = emails.lastTokenTo(address);
    assertNotEquals(first, second);
    String secondToken = json(confirm(second)).getString("token");
    assertNotEquals(firstToken, secondToken);

    HttpResponse<String> listed =
        send(api.request("/v1/tokens").header("Authorization", bearer(secondToken)));
    assertEquals(200, listed.statusCode(), listed.body());
    List<JsonObject> tokens = json(listed).getJsonArray("tokens").getValuesAs(JsonObject.class);
    assertEquals(2, tokens.size(), listed.body());
    assertEquals(shortOf(secondToken), tokens.get(0).getString("short_token"), "newest first");
    assertEquals(shortOf(firstToken), tokens.get(1).getString("short_token"));
    for (JsonObject token : tokens) {
      assertEquals(
          List.of(
              "short_token",
              "scoped_database",
              "permission_level",
              "app_name",
              "created_at",
              "expires_at",
              "revoked_at"),
          List.copyOf(token.keySet()));
      assertTrue(token.isNull("scoped_database") && token.isNull("permission_level"));
      assertTrue(token.isNull("app_name") && token.isNull("expires_at"));
      assertTrue(token.isNull("revoked_at"));
      assertTrue(
          token
              .getString("created_at")
              .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?"),
          token.toString());
      assertFalse(token.toString().contains(secretOf(firstToken)), "no secrets listed");
    }

    HttpResponse<String> revoked =
        send(
            api.request("/v1/tokens/" + shortOf(firstToken))
                .header("Authorization", bearer(secondToken))
                .DELETE());
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertEquals("{}", revoked.body());
    assertError(
        send(api.request("/v1/tokens").header("Authorization", bearer(firstToken))),
        401,
        "InvalidToken",
        "API token has been revoked");
    List<JsonObject> left =
        json(send(api.request("/v1/tokens").header("Authorization", bearer(secondToken))))
            .getJsonArray("tokens")
            .getValuesAs(JsonObject.class);
    assertEquals(
        List.of(shortOf(secondToken)), left.stream().map(t -> t.getString("short_token")).toList());
    assertRecordNotFound(
        send(
            api.request("/v1/tokens/" + shortOf(firstToken))
                .header("Authorization", bearer(secondToken))
                .DELETE()),
        404,
        shortOf(firstToken),
        "api_token");
  }

  @Test
  void registeringAgainWithTheVerifiedAddressIsALogIn() throws Exception {
    Account account = newAccount("again");
    assertEquals(200, register(account.entity(), account.address(), "organization").statusCode());
    JsonObject second = json(confirm(emails.lastTokenTo(account.address())));
    assertEquals(account.entity(), second.getString("entity"));
    assertEquals(2, tokensOf(second.getString("token")).size());
    assertEquals(200, profile(account.entity(), account.token()).statusCode(), "old token works");
  }

  @Test
  void theCallerMayRevokeTheTokenItUses() throws Exception {
    Account account = newAccount("self");
    HttpResponse<String> revoked =
        send(
            api.request("/v1/tokens/" + shortOf(account.token()))
                .header("Authorization", bearer(account.token()))
                .DELETE());
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertError(
        send(api.request("/v1/tokens").header("Authorization", bearer(account.token()))),
        401,
        "InvalidToken",
        "API token has been revoked");
  }

  @Test
  void nobodyRevokesSomeoneElsesToken() throws Exception {
    Account owner = newAccount("owner");
    Account other = newAccount("other");
    assertRecordNotFound(
        send(
            api.request("/v1/tokens/" + shortOf(owner.token()))
                .header("Authorization", bearer(other.token()))
                .DELETE()),
        404,
        shortOf(owner.token()),
        "api_token");
    assertRecordNotFound(
        send(
            api.request("/v1/tokens/NoSuchToken")
                .header("Authorization", bearer(other.token()))
                .DELETE()),
        404,
        "NoSuchToken",
        "api_token");
    assertEquals(1, tokensOf(owner.token()).size(), "still active");
  }

  // ---- entity pages and profiles ---------------------------------------------------------------

  @Test
  void theEntityPageHasAybsShape() throws Exception {
    Account account = newAccount("page");
    Account viewer = newAccount("viewer");
    String page =
        "{\"slug\":\""
            + account.entity()
            + "\",\"profile\":{\"display_name\":null,\"description\":null,\"organization\":null,"
            + "\"location\":null,\"links\":[]},\"databases\":[],"
            + "\"permissions\":{\"can_create_database\":%s}}";

    // The entity itself also sees our "usage" member after ayb's; others see ayb's shape exactly.
    String ownPage = String.format(page, "true");
    String withUsage = ownPage.substring(0, ownPage.length() - 1) + ",\"usage\":{\"databases\":0,";
    HttpResponse<String> own = profile(account.entity(), account.token());
    assertEquals(200, own.statusCode(), own.body());
    assertTrue(own.body().startsWith(withUsage), own.body());
    assertEquals(String.format(page, "false"), profile(account.entity(), null).body());
    assertEquals(String.format(page, "false"), profile(account.entity(), viewer.token()).body());
    String upper = profile(account.entity().toUpperCase(Locale.ROOT), account.token()).body();
    assertTrue(upper.startsWith(withUsage), "the path's entity is lower-cased: " + upper);
    String nobody = unique("nobody");
    assertRecordNotFound(profile(nobody, null), 404, nobody, "entity");
  }

  @Test
  void theProfileIsUpdatedFieldByField() throws Exception {
    Account account = newAccount("profile");
    HttpResponse<String> updated =
        patch(
            account.entity(),
            account.token(),
            "{\"display_name\":\"Ada Lovelace\",\"description\":\"Ünïcödé ✓\","
                + "\"organization\":\"Engines\",\"location\":\"London\",\"ignored\":\"x\"}");
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals("{}", updated.body());
    JsonObject fields = json(profile(account.entity(), null)).getJsonObject("profile");
    assertEquals("Ada Lovelace", fields.getString("display_name"));
    assertEquals("Ünïcödé ✓", fields.getString("description"));
    assertEquals("Engines", fields.getString("organization"));
    assertEquals("London", fields.getString("location"));

    assertEquals(200, patch(account.entity(), account.token(), "{\"location\":null}").statusCode());
    fields = json(profile(account.entity(), null)).getJsonObject("profile");
    assertTrue(fields.isNull("location"), fields.toString());
    assertEquals("Ada Lovelace", fields.getString("display_name"), "absent keys stay");

    assertError(
        patch(account.entity(), account.token(), "{\"display_name\":\"" + "x".repeat(36) + "\"}"),
        400,
        "Other",
        "The display_name can be at most 35 characters long, but this one has 36");
    assertEquals(
        200,
        patch(account.entity(), account.token(), "{\"description\":\"" + "é".repeat(100) + "\"}")
            .statusCode(),
        "limits count characters");
  }

  @Test
  void linksAreKeptAndUnverifiableOnesStayUnverified() throws Exception {
    Account account = newAccount("links");
    HttpServer page =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger requests = new AtomicInteger();
    page.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] html =
              ("<a rel=\"me\" href=\"" + LOCAL_BASE_URL + "/" + account.entity() + "\">me</a>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, html.length);
          exchange.getResponseBody().write(html);
          exchange.close();
        });
    page.start();
    try {
      int port = page.getAddress().getPort();
      String http = "http://127.0.0.1:" + port + "/me";
      String https = "https://127.0.0.1:" + port + "/me";
      String links =
          Json.createArrayBuilder()
              .add(Json.createObjectBuilder().add("url", http))
              .add(Json.createObjectBuilder().add("url", https))
              .build()
              .toString();
      String body = Json.createObjectBuilder().add("links", links).build().toString();
      HttpResponse<String> updated = patch(account.entity(), account.token(), body);
      assertEquals(200, updated.statusCode(), updated.body());
      assertEquals(
          "[{\"url\":\""
              + http
              + "\",\"verified\":false},{\"url\":\""
              + https
              + "\",\"verified\":false}]",
          json(profile(account.entity(), null))
              .getJsonObject("profile")
              .getJsonArray("links")
              .toString());
      assertEquals(
          0, requests.get(), "http links are never fetched; the https one fails its handshake");
    } finally {
      page.stop(0);
    }

    assertError(
        patch(
            account.entity(),
            account.token(),
            "{\"links\":\"[{\\\"url\\\":\\\"example.org\\\"}]\"}"),
        400,
        "Other",
        "Failed to parse URL: relative URL without a base");
    assertError(
        patch(account.entity(), account.token(), "{\"links\":\"not json\"}"),
        400,
        "Other",
        "Failed to parse links: expected a JSON array of {\"url\": \"...\"} objects");
    for (String number : new String[] {"1e9999999999", "1".repeat(1_200)}) {
      assertError(
          patch(account.entity(), account.token(), "{\"links\":\"[" + number + "]\"}"),
          400,
          "Other",
          "Failed to parse links: expected a JSON array of {\"url\": \"...\"} objects");
    }
    assertEquals(200, patch(account.entity(), account.token(), "{\"links\":null}").statusCode());
    assertEquals(
        "[]",
        json(profile(account.entity(), null))
            .getJsonObject("profile")
            .getJsonArray("links")
            .toString());
  }

  @Test
  void anEmptyUpdateIsRefused() throws Exception {
    Account account = newAccount("empty");
    String message = "No fields provided to update. Please specify at least one field to update.";
    assertError(patch(account.entity(), account.token(), "{}"), 400, "EmptyUpdateError", message);
    assertError(
        patch(account.entity(), account.token(), "{\"unknown\":\"x\"}"),
        400,
        "EmptyUpdateError",
        message);
  }

  @Test
  void onlyTheEntityItselfUpdatesItsProfile() throws Exception {
    Account owner = newAccount("mine");
    Account other = newAccount("yours");
    assertError(
        patch(owner.entity(), other.token(), "{\"display_name\":\"Mallory\"}"),
        403,
        "Other",
        "Authenticated entity "
            + other.entity()
            + " can't update the profile of "
            + owner.entity());
    assertTrue(json(profile(owner.entity(), null)).getJsonObject("profile").isNull("display_name"));
    assertError(
        send(
            api.request("/v1/entity/" + owner.entity())
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString("{\"display_name\":\"x\"}"))),
        401,
        "Unauthorized",
        MISSING_BEARER);
  }

  @Test
  void badProfileBodiesAreRefused() throws Exception {
    Account account = newAccount("bodies");
    assertError(patch(account.entity(), account.token(), "{\"display_name\":"), 400, "Other", null);
    assertError(
        patch(account.entity(), account.token(), "[\"display_name\"]"),
        400,
        "Other",
        "Malformed request body: expected a JSON object");
    assertError(
        patch(account.entity(), account.token(), "{\"display_name\":42}"),
        400,
        "Other",
        "Malformed request body: `display_name` must be a string or null");
    HttpResponse<String> plain =
        send(
            api.request("/v1/entity/" + account.entity())
                .header("Authorization", bearer(account.token()))
                .header("Content-Type", "text/plain")
                .method("PATCH", BodyPublishers.ofString("{\"display_name\":\"x\"}")));
    assertEquals(415, plain.statusCode(), plain.body());
    assertEquals("Other", json(plain).getString("type"));

    String big = "{\"description\":\"" + "x".repeat(64 * 1024) + "\"}";
    assertError(
        patch(account.entity(), account.token(), big),
        413,
        "Other",
        "Request body is too large: at most 65536 bytes");
    assertTrue(
        json(profile(account.entity(), null)).getJsonObject("profile").isNull("description"));
  }

  // ---- bad input to registration, confirmation and log-in --------------------------------------

  @Test
  void missingHeadersAreNamed() throws Exception {
    assertError(
        send(
            api.request("/v1/register")
                .header("email-address", "a@example.org")
                .header("entity-type", "user")
                .POST(BodyPublishers.noBody())),
        400,
        "Other",
        "Missing required `entity` header");
    assertError(
        send(
            api.request("/v1/register")
                .header("entity", unique("h"))
                .header("entity-type", "user")
                .POST(BodyPublishers.noBody())),
        400,
        "Other",
        "Missing required `email-address` header");
    assertError(
        send(
            api.request("/v1/register")
                .header("Entity", unique("h"))
                .header("Email-Address", "a@example.org")
                .POST(BodyPublishers.noBody())),
        400,
        "Other",
        "Missing required `entity-type` header");
    assertError(
        send(api.request("/v1/confirm").POST(BodyPublishers.noBody())),
        400,
        "Other",
        "Missing required `authentication-token` header");
    assertError(
        send(api.request("/v1/log_in").POST(BodyPublishers.noBody())),
        400,
        "Other",
        "Missing required `entity` header");
  }

  @Test
  void slugsAreCheckedWithAybsMessages() throws Exception {
    String address = unique("slug") + "@example.org";
    assertError(register("", address, "user"), 400, "InvalidSlug", "A entity slug can't be empty");
    assertError(
        register("a".repeat(129), address, "user"),
        400,
        "InvalidSlug",
        "A entity slug can't be longer than 128 bytes, but this one is 129 bytes");
    assertError(register("..", address, "user"), 400, "InvalidSlug", "Invalid entity slug: ..");
    assertError(
        register("a+b", address, "user"),
        400,
        "InvalidSlug",
        "Invalid entity slug: a+b. Only letters, numbers, underscores, hyphens, and periods are allowed");
    assertError(
        register("Register", address, "user"),
        409,
        "RegistrationError",
        "Username 'register' is reserved and cannot be used");
    assertError(
        register("V1", address, "organization"),
        409,
        "RegistrationError",
        "Username 'v1' is reserved and cannot be used");
    assertEquals(List.of(), emails.messagesTo(address), "nothing was mailed");
  }

  @Test
  void entityTypesAndAddressesAreChecked() throws Exception {
    String entity = unique("types");
    assertError(
        register(entity, entity + "@example.org", "robot"), 400, "Other", "Unknown value: robot");
    assertError(
        register(entity, entity + "@example.org", "User"), 400, "Other", "Unknown value: User");
    assertError(
        register(entity, "not-an-address", "user"),
        400,
        "Other",
        "Invalid email address: not-an-address");
    assertEquals(List.of(), emails.messagesTo(entity + "@example.org"));
  }

  @Test
  void anEntityRegisteredWithAnotherAddressIsRefused() throws Exception {
    Account account = newAccount("taken");
    assertError(
        register(account.entity(), "someone-else-" + account.address(), "user"),
        409,
        "Other",
        account.entity() + " has already been registered");
    assertEquals(List.of(), emails.messagesTo("someone-else-" + account.address()));
  }

  @Test
  void anAddressBelongsToOneEntity() throws Exception {
    Account account = newAccount("addr");
    String second = unique("second");
    assertEquals(200, register(second, account.address(), "user").statusCode());
    String token = emails.lastTokenTo(account.address());
    String message =
        "The e-mail address " + account.address() + " is already used by another entity";
    assertError(confirm(token), 409, "Other", message);
    assertError(confirm(token), 409, "Other", message);
    assertRecordNotFound(profile(second, null), 404, second, "entity");
  }

  @Test
  void badConfirmationTokensAreRefused() throws Exception {
    assertError(confirm("garbage"), 400, "Other", INVALID_TOKEN);
    assertError(confirm(""), 400, "Other", INVALID_TOKEN);

    String entity = unique("tokens");
    String address = entity + "@example.org";
    assertEquals(200, register(entity, address, "user").statusCode());
    String token = emails.lastTokenTo(address);
    int middle = token.length() / 2;
    String tampered =
        token.substring(0, middle)
            + (token.charAt(middle) == 'A' ? 'B' : 'A')
            + token.substring(middle + 1);
    assertError(confirm(tampered), 400, "Other", INVALID_TOKEN);

    String payload =
        "{\"version\":1,\"entity\":\""
            + entity
            + "\",\"entity_type\":0,\"email_address\":\""
            + address
            + "\"}";
    Key key = new Key(EmailLog.fernetKey());
    assertError(
        confirm(mint(key, payload, Instant.now().minusSeconds(3601 + 60))),
        400,
        "Other",
        INVALID_TOKEN);
    assertError(
        confirm(mint(Key.generateKey(), payload, Instant.now())), 400, "Other", INVALID_TOKEN);
    assertError(confirm(mint(key, "{\"version\":1}", Instant.now())), 400, "Other", INVALID_TOKEN);

    // The same minting with a current timestamp works, so the refusals above are about age, key
    // and payload; and a token works once.
    String fresh = mint(key, payload, Instant.now());
    assertEquals(entity, json(confirm(fresh)).getString("entity"));
    assertError(confirm(fresh), 400, "Other", REUSED);
    assertEquals(entity, json(confirm(token)).getString("entity"), "another unused token works");
  }

  @Test
  void logInNeedsAnEntityWithAVerifiedAddress() throws Exception {
    String nobody = unique("nobody");
    assertError(
        logIn(nobody), 404, "Other", "No account or email authentication method for " + nobody);
  }

  // ---- bearer tokens ---------------------------------------------------------------------------

  @Test
  void bearerTokensAreCheckedWithAybsErrors() throws Exception {
    Account account = newAccount("bearer");
    HttpResponse<String> missing = send(api.request("/v1/tokens"));
    assertError(missing, 401, "Unauthorized", MISSING_BEARER);
    assertEquals("Bearer", missing.headers().firstValue("WWW-Authenticate").orElse(null));

    assertError(
        send(api.request("/v1/tokens").header("Authorization", "Basic dXNlcjpwYXNz")),
        401,
        "Other",
        "Invalid Authorization header: expected `Bearer <token>`");
    assertError(
        send(api.request("/v1/tokens").header("Authorization", "Bearer garbage")),
        401,
        "Other",
        "Error parsing API token: WrongNumberOfParts(1)");
    assertError(
        send(api.request("/v1/tokens").header("Authorization", "Bearer a_b_c_d")),
        401,
        "Other",
        "Error parsing API token: WrongNumberOfParts(4)");
    HttpResponse<String> unknown =
        send(api.request("/v1/tokens").header("Authorization", "Bearer ayb_NoSuchShort_secret"));
    assertRecordNotFound(unknown, 401, "NoSuchShort", "api_token");
    assertEquals(
        "Bearer error=\"invalid_token\"",
        unknown.headers().firstValue("WWW-Authenticate").orElse(null));
    assertError(
        send(
            api.request("/v1/tokens")
                .header(
                    "Authorization", "Bearer ayb_" + shortOf(account.token()) + "_wrongsecret")),
        401,
        "InvalidToken",
        "Invalid API token");
    HttpResponse<String> lowerCase =
        send(api.request("/v1/tokens").header("Authorization", "bearer " + account.token()));
    assertEquals(200, lowerCase.statusCode(), lowerCase.body());

    // Optional authentication: a bad token is refused, never downgraded to anonymous.
    assertError(
        profile(account.entity(), "ayb_" + shortOf(account.token()) + "_wrongsecret"),
        401,
        "InvalidToken",
        "Invalid API token");
    assertError(
        send(api.request("/v1/entity/" + account.entity()).header("Authorization", "Token x")),
        401,
        "Other",
        "Invalid Authorization header: expected `Bearer <token>`");
  }

  // ---- rate limits -----------------------------------------------------------------------------

  @Test
  void confirmationMailsAreLimitedPerAddress() throws Exception {
    String address = unique("limited") + "@example.org";
    for (int i = 0; i < RATE_LIMIT; i++) {
      HttpResponse<String> response = register(unique("addr" + i), address, "user");
      assertEquals(200, response.statusCode(), i + ": " + response.body());
    }
    assertRateLimited(register(unique("addr-over"), address, "user"));
    assertEquals(RATE_LIMIT, emails.messagesTo(address).size());
  }

  @Test
  void confirmationMailsAreLimitedPerEntity() throws Exception {
    Account account = newAccount("flood");
    for (int i = 1; i < RATE_LIMIT; i++) {
      HttpResponse<String> response = logIn(account.entity());
      assertEquals(200, response.statusCode(), i + ": " + response.body());
    }
    assertRateLimited(logIn(account.entity()));
    assertRateLimited(register(account.entity(), account.address(), "user"));
    assertEquals(RATE_LIMIT, emails.messagesTo(account.address()).size());
    assertEquals(200, profile(account.entity(), account.token()).statusCode(), "tokens still work");
  }

  // ---- SMTP (tagged "smtp": only the SQLite run configures it) ----------------------------------

  @Test
  @Tag("smtp")
  void smtpDeliversAConfirmationThatWorks() throws Exception {
    String entity = unique("smtp");
    String address = entity + "@example.org";
    assertEquals(200, register(entity, address, "user").statusCode());

    MimeMessage message =
        SMTP.findReceivedMessages(user -> true, m -> sentTo(m, address))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no SMTP message to " + address));
    InternetAddress from = InternetAddress.parse(System.getProperty("ayb.test.smtp.from"))[0];
    InternetAddress replyTo = InternetAddress.parse(System.getProperty("ayb.test.smtp.replyTo"))[0];
    assertEquals(from, message.getFrom()[0]);
    assertEquals(from.getPersonal(), ((InternetAddress) message.getFrom()[0]).getPersonal());
    assertEquals(replyTo, message.getReplyTo()[0]);
    assertEquals(address, message.getRecipients(Message.RecipientType.TO)[0].toString());
    assertEquals("Your login credentials", message.getSubject());
    String body = message.getContent().toString().replace("\r\n", "\n");
    String token = body.substring(body.indexOf("ayb client confirm ") + 19).strip();
    assertEquals(
        "To complete your registration, visit\n\t"
            + LOCAL_BASE_URL
            + "/confirm/"
            + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "\n\nOr type\n\tayb client confirm "
            + token,
        body);
    assertEquals(emails.lastTokenTo(address), token, "the file backend got the same token");
    assertEquals(entity, json(confirm(token)).getString("entity"));
  }

  @Test
  @Tag("smtp")
  void anSmtpFailureIsAnErrorForTheCaller() throws Exception {
    String entity = unique("down");
    String address = entity + "@example.org";
    SMTP.stop();
    HttpResponse<String> response;
    try {
      response = register(entity, address, "user");
    } finally {
      SMTP.start();
    }
    assertEquals(502, response.statusCode(), response.body());
    JsonObject error = json(response);
    assertEquals("EmailError", error.getString("type"));
    assertTrue(
        error.getString("message").startsWith("SMTP backend failed: Could not send email: "),
        error.getString("message"));
    assertFalse(error.getString("message").contains(SMTP_PASSWORD), "no secret in the message");
    assertEquals(1, emails.messagesTo(address).size(), "the file backend still wrote it, as ayb");

    String again = unique("up");
    assertEquals(200, register(again, again + "@example.org", "user").statusCode(), "SMTP is back");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static final String INVALID_TOKEN = "Invalid or expired token";
  private static final String REUSED =
      "This confirmation token has already been used; log in again to get a new one";
  private static final String MISSING_BEARER =
      "Missing Authorization header: expected `Bearer <token>` with an API token";

  /** An entity with a confirmed address and an API token. */
  private record Account(String entity, String address, String token) {}

  private Account newAccount(String prefix) throws Exception {
    String entity = unique(prefix);
    String address = entity + "@example.org";
    HttpResponse<String> registered = register(entity, address, "user");
    assertEquals(200, registered.statusCode(), registered.body());
    HttpResponse<String> confirmed = confirm(emails.lastTokenTo(address));
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    return new Account(entity, address, json(confirmed).getString("token"));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return api.send(request);
  }

  private HttpResponse<String> register(String entity, String address, String type)
      throws Exception {
    return send(
        api.request("/v1/register")
            .header("entity", entity)
            .header("email-address", address)
            .header("entity-type", type)
            .POST(BodyPublishers.noBody()));
  }

  private HttpResponse<String> confirm(String token) throws Exception {
    return send(
        api.request("/v1/confirm")
            .header("authentication-token", token)
            .POST(BodyPublishers.noBody()));
  }

  private HttpResponse<String> logIn(String entity) throws Exception {
    return send(api.request("/v1/log_in").header("entity", entity).POST(BodyPublishers.noBody()));
  }

  private HttpResponse<String> profile(String entity, String token) throws Exception {
    HttpRequest.Builder request = api.request("/v1/entity/" + entity);
    return send(token == null ? request : request.header("Authorization", bearer(token)));
  }

  private HttpResponse<String> patch(String entity, String token, String body) throws Exception {
    return send(
        api.request("/v1/entity/" + entity)
            .header("Authorization", bearer(token))
            .header("Content-Type", "application/json")
            .method("PATCH", BodyPublishers.ofString(body)));
  }

  private List<JsonObject> tokensOf(String token) throws Exception {
    HttpResponse<String> response =
        send(api.request("/v1/tokens").header("Authorization", bearer(token)));
    assertEquals(200, response.statusCode(), response.body());
    return json(response).getJsonArray("tokens").getValuesAs(JsonObject.class);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static String shortOf(String token) {
    return token.split("_")[1];
  }

  private static String secretOf(String token) {
    return token.split("_")[2];
  }

  private static boolean sentTo(MimeMessage message, String address) {
    try {
      return address.equals(message.getRecipients(Message.RecipientType.TO)[0].toString());
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  /** A Fernet token made at {@code at} (fernet-java8 only makes them "now"). */
  private static String mint(Key key, String payload, Instant at) {
    byte[] iv = new byte[16];
    new SecureRandom().nextBytes(iv);
    IvParameterSpec spec = new IvParameterSpec(iv);
    byte[] cipherText = key.encrypt(payload.getBytes(StandardCharsets.UTF_8), spec);
    byte[] hmac = key.sign((byte) 0x80, at, spec, cipherText);
    ByteBuffer token = ByteBuffer.allocate(1 + 8 + 16 + cipherText.length + hmac.length);
    token.put((byte) 0x80).putLong(at.getEpochSecond()).put(iv).put(cipherText).put(hmac);
    return Base64.getUrlEncoder().encodeToString(token.array());
  }

  private void assertAybsConfirmationMail(JsonObject mail, String address, String token) {
    String sender = SMTP_PORT.isBlank() ? DEFAULT_SENDER : System.getProperty("ayb.test.smtp.from");
    String replyTo =
        SMTP_PORT.isBlank() ? DEFAULT_SENDER : System.getProperty("ayb.test.smtp.replyTo");
    assertEquals(
        List.of(
            "from",
            "to",
            "reply_to",
            "subject",
            "content_type",
            "content_transfer_encoding",
            "date",
            "content"),
        List.copyOf(mail.keySet()));
    assertEquals(sender, mail.getString("from"));
    assertEquals(address, mail.getString("to"));
    assertEquals(replyTo, mail.getString("reply_to"));
    assertEquals("Your login credentials", mail.getString("subject"));
    assertEquals("text/plain", mail.getString("content_type"));
    assertEquals("7bit", mail.getString("content_transfer_encoding"));
    assertTrue(
        mail.getString("date")
            .matches("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d \\+0000"),
        mail.getString("date"));
    assertEquals(
        List.of(
            "To complete your registration, visit",
            "\t" + LOCAL_BASE_URL + "/confirm/" + URLEncoder.encode(token, StandardCharsets.UTF_8),
            "",
            "Or type",
            "\tayb client confirm " + token),
        mail.getJsonArray("content").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList());
  }

  private static void assertRateLimited(HttpResponse<String> response) {
    assertEquals(429, response.statusCode(), response.body());
    JsonObject error = json(response);
    assertEquals("Other", error.getString("type"));
    assertTrue(
        error
            .getString("message")
            .matches(
                "Too many confirmation e-mails were requested for this entity or e-mail address;"
                    + " try again in \\d+ minutes?"),
        error.getString("message"));
    long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
  }

  private static void assertError(
      HttpResponse<String> response, int status, String type, String message) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject error = json(response);
    assertEquals(type, error.getString("type"), response.body());
    if (message != null) {
      assertEquals(message, error.getString("message"));
    } else {
      assertFalse(error.getString("message").isBlank());
    }
    assertEquals(List.of("type", "message"), List.copyOf(error.keySet()));
  }

  private static void assertRecordNotFound(
      HttpResponse<String> response, int status, String id, String recordType) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "{\"type\":\"RecordNotFound\",\"id\":\""
            + id
            + "\",\"record_type\":\""
            + recordType
            + "\"}",
        response.body());
  }
}
