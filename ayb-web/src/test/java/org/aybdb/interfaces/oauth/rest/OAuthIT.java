package org.aybdb.interfaces.oauth.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.BothMetadataStores;
import org.aybdb.interfaces.rest.OAuthFlow;
import org.aybdb.interfaces.rest.OAuthFlow.Code;
import org.aybdb.interfaces.rest.OAuthFlow.Pkce;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OAuth 2.0 with PKCE over HTTP against the deployed application: the consent page's checks, the
 * token endpoint's every refusal (status and body), single use under concurrency, expiry with a
 * shifted server clock, forged sessions and cross-site posts, and what a scoped token may do.
 */
@BothMetadataStores
class OAuthIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  @ServerUrl URL url;

  private ApiClient api;
  private DatabaseCalls calls;
  private TestAccounts accounts;
  private Account owner;
  private String database;

  @BeforeEach
  void setUp() throws Exception {
    api = new ApiClient(url);
    calls = new DatabaseCalls(api);
    accounts = new TestAccounts(api);
    owner = accounts.register("oa");
    database = owner.entity() + "/todos.sqlite";
    assertEquals(
        201, calls.create(owner.bearer(), "/v1/" + database, "sqlite", "no-access").statusCode());
    assertEquals(
        200,
        calls
            .query(owner.bearer(), "/v1/" + database, "CREATE TABLE todo (title TEXT)")
            .statusCode());
  }

  @AfterEach
  void resetClock() throws Exception {
    shiftClock(0);
  }

  private OAuthFlow loggedIn(Account account) throws Exception {
    return new OAuthFlow(url).logIn(accounts, account.entity());
  }

  // ---- the token endpoint -----------------------------------------------------------------------

  @Test
  void anExchangeAnswersAsAybWithAScopedToken() throws Exception {
    OAuthFlow flow = loggedIn(owner);
    Code code = flow.authorize(database, "read-write", null);
    assertTrue(code.code().matches("[A-Za-z0-9_-]{43}"), code.code());
    HttpResponse<String> exchanged = flow.exchange(OAuthFlow.fields(code));
    assertEquals(200, exchanged.statusCode(), exchanged.body());
    assertEquals("no-store", exchanged.headers().firstValue("Cache-Control").orElse(""));
    JsonObject body = ApiClient.json(exchanged);
    assertEquals("Bearer", body.getString("token_type"));
    assertEquals(database, body.getString("database"));
    assertEquals("read-write", body.getString("query_permission_level"));
    // No public_url in the tests: the address the request reached.
    assertEquals(
        url.toString().replaceAll("/$", "") + "/v1/" + database, body.getString("database_url"));
    String token = body.getString("access_token");
    assertTrue(token.startsWith("ayb_"), token);

    assertEquals(
        200,
        calls
            .query("Bearer " + token, "/v1/" + database, "INSERT INTO todo VALUES ('a')")
            .statusCode());
    // Listed among the owner's tokens with app, database and level.
    JsonObject listed =
        ApiClient.json(
                api.send(api.request("/v1/tokens").header("Authorization", owner.bearer()).GET()))
            .getJsonArray("tokens")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(item -> token.contains("_" + item.getString("short_token") + "_"))
            .findFirst()
            .orElseThrow();
    assertEquals("Test app", listed.getString("app_name"));
    assertEquals(database, listed.getString("scoped_database"));
    assertEquals("read-write", listed.getString("permission_level"));
    // Through the app's token, only the app's token is listed.
    List<JsonObject> seenByApp =
        ApiClient.json(
                api.send(
                    api.request("/v1/tokens").header("Authorization", "Bearer " + token).GET()))
            .getJsonArray("tokens")
            .getValuesAs(JsonObject.class);
    assertEquals(1, seenByApp.size());
  }

  @Test
  void aFormEncodedExchangeWorksToo() throws Exception {
    OAuthFlow flow = loggedIn(owner);
    Code code = flow.authorize(database, "read-only", null);
    HttpResponse<String> exchanged =
        api.send(
            api.request("/v1/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(OAuthFlow.query(OAuthFlow.fields(code)))));
    assertEquals(200, exchanged.statusCode(), exchanged.body());
    assertEquals("read-only", ApiClient.json(exchanged).getString("query_permission_level"));
  }

  @Test
  void everyRefusalOfTheTokenEndpoint() throws Exception {
    OAuthFlow flow = loggedIn(owner);
    Code code = flow.authorize(database, "read-only", null);
    Map<String, String> good = OAuthFlow.fields(code);

    expectError(
        flow.exchange(with(good, "grant_type", "password")),
        "unsupported_grant_type",
        "Only grant_type=authorization_code is supported");
    expectError(
        flow.exchange(without(good, "code")), "invalid_request", "Missing required field: code");
    expectError(
        flow.exchange(without(good, "code_verifier")),
        "invalid_request",
        "Missing required field: code_verifier");
    expectError(
        flow.exchange(without(good, "grant_type")),
        "invalid_request",
        "Missing required field: grant_type");
    expectError(
        raw("{not json", "application/json"),
        "invalid_request",
        "The request body is not valid JSON");
    expectError(
        raw("{\"grant_type\":\"authorization_code\",\"code\":1e9999999999}", "application/json"),
        "invalid_request",
        "The request body is not valid JSON");
    expectError(
        raw("{\"code\":" + "1".repeat(1_200) + "}", "application/json"),
        "invalid_request",
        "The request body is not valid JSON");
    expectError(
        raw("[1]", "application/json"),
        "invalid_request",
        "The request body must be a JSON object");
    expectError(
        raw("{\"grant_type\":\"authorization_code\",\"code\":1}", "application/json"),
        "invalid_request",
        "Field code must be a string");
    expectError(
        raw("code=a&code=b", "application/x-www-form-urlencoded"),
        "invalid_request",
        "Parameter code is repeated");
    expectError(
        flow.exchange(with(good, "code", "A".repeat(43))),
        "invalid_grant",
        "Authorization code not found");
    expectError(
        flow.exchange(with(good, "redirect_uri", "http://127.0.0.1:9/other")),
        "invalid_grant",
        "redirect_uri does not match");
    expectError(
        flow.exchange(with(good, "code_verifier", Pkce.fresh().verifier())),
        "invalid_grant",
        "PKCE verification failed");

    // None of the refusals used the code up.
    assertEquals(200, flow.exchange(good).statusCode());
    expectError(flow.exchange(good), "invalid_grant", "Authorization code has already been used");

    HttpResponse<String> get = api.send(api.request("/v1/oauth/token").GET());
    assertEquals(405, get.statusCode(), get.body());
  }

  @Test
  void aCodeExpiresAfterTenMinutesAndExpiredCodesAreCleanedUp() throws Exception {
    OAuthFlow flow = loggedIn(owner);
    Code early = flow.authorize(database, "read-only", null);
    Code later = flow.authorize(database, "read-only", null);
    shiftClock(9 * 60 + 50);
    assertEquals(200, flow.exchange(OAuthFlow.fields(early)).statusCode());
    shiftClock(10 * 60 + 1);
    expectError(
        flow.exchange(OAuthFlow.fields(later)), "invalid_grant", "Authorization code has expired");
    // The next authorization sweeps expired codes away, used or not.
    flow.authorize(database, "read-only", null);
    expectError(
        flow.exchange(OAuthFlow.fields(later)), "invalid_grant", "Authorization code not found");
    expectError(
        flow.exchange(OAuthFlow.fields(early)), "invalid_grant", "Authorization code not found");
  }

  @Test
  void concurrentExchangesOfOneCodeMintExactlyOneToken() throws Exception {
    OAuthFlow flow = loggedIn(owner);
    Code code = flow.authorize(database, "read-only", null);
    int racers = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<HttpResponse<String>>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        Callable<HttpResponse<String>> exchange =
            () -> {
              start.await();
              return flow.exchange(OAuthFlow.fields(code));
            };
        results.add(pool.submit(exchange));
      }
      start.countDown();
      int won = 0;
      for (Future<HttpResponse<String>> result : results) {
        HttpResponse<String> response = result.get();
        if (response.statusCode() == 200) {
          won++;
        } else {
          expectError(response, "invalid_grant", "Authorization code has already been used");
        }
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
    long scoped =
        ApiClient.json(
                api.send(api.request("/v1/tokens").header("Authorization", owner.bearer()).GET()))
            .getJsonArray("tokens")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(item -> !item.isNull("app_name"))
            .count();
    assertEquals(1, scoped);
  }

  @Test
  void thePreflightOfTheTokenEndpointAllowsBrowserApps() throws Exception {
    String origin =
        "*".equals(System.getProperty("ayb.test.cors"))
            ? "http://localhost:4000"
            : System.getProperty("ayb.test.cors");
    HttpResponse<String> preflight =
        api.send(
            api.request("/v1/oauth/token")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", BodyPublishers.noBody()));
    assertEquals(200, preflight.statusCode());
    assertEquals(origin, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<String> refused =
        api.send(
            api.request("/v1/oauth/token")
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")));
    assertEquals(400, refused.statusCode());
    assertEquals(origin, refused.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
  }

  @Test
  void theJavaScriptClientIsServedToAnyOrigin() throws Exception {
    Map<String, String> expected =
        Map.of(
            "/static/ayb.mjs", "export class AybOAuth",
            "/static/ayb.js", "Object.assign(window, api)",
            "/static/ayb.d.ts", "export function restoreOAuth");
    for (Map.Entry<String, String> file : expected.entrySet()) {
      HttpResponse<String> served =
          api.send(api.request(file.getKey()).header("Origin", "https://app.example.org").GET());
      assertEquals(200, served.statusCode(), file.getKey());
      assertTrue(served.body().contains(file.getValue()), file.getKey());
      assertEquals("*", served.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
    assertTrue(
        api.send(api.request("/static/ayb.mjs").GET())
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("text/javascript"));
    assertEquals(404, api.send(api.request("/static/ayb.json").GET()).statusCode());
    assertEquals(404, api.send(api.request("/static/authorize.xhtml").GET()).statusCode());
  }

  // ---- the consent page -------------------------------------------------------------------------

  @Test
  void theAuthorizePageChecksItsParametersInAybsOrder() throws Exception {
    OAuthFlow flow = loggedIn(owner);
    String challenge = Pkce.fresh().challenge();
    Map<String, String> good = OAuthFlow.request("read-only", challenge, "s");
    expectPage(
        flow,
        with(good, "response_type", "token"),
        "unsupported_response_type",
        "Only response_type=code is supported");
    expectPage(
        flow,
        with(good, "code_challenge_method", "plain"),
        "invalid_request",
        "Only code_challenge_method=S256 is supported");
    String uriProblem = "redirect_uri must use https:// (or http://localhost for development)";
    for (String uri :
        List.of(
            "http://localhost.evil.example/cb",
            "http://localhost@evil.example/cb",
            "http://evil.example/cb",
            "https://app.example.org/cb#fragment",
            "javascript:alert(1)",
            "/relative")) {
      expectPage(flow, with(good, "redirect_uri", uri), "invalid_request", uriProblem);
    }
    expectPage(
        flow,
        with(good, "scope", "manager"),
        "invalid_scope",
        "scope must be 'read-only' or 'read-write'");
    expectPage(
        flow, without(good, "app_name"), "invalid_request", "Missing required parameter: app_name");
    expectPage(
        flow,
        with(good, "code_challenge", "short"),
        "invalid_request",
        "code_challenge must be the base64url SHA-256 of the code verifier (43 characters)");
    // Checks come before logging in: an anonymous visitor sees the same error page.
    expectPage(
        new OAuthFlow(url),
        with(good, "scope", "x"),
        "invalid_scope",
        "scope must be 'read-only' or 'read-write'");

    for (String uri :
        List.of(
            "http://localhost:8000/cb", "http://[::1]:8000/cb", "https://app.example.org/cb?x=1")) {
      HttpResponse<String> page = flow.authorizePage(with(good, "redirect_uri", uri));
      assertEquals(200, page.statusCode(), uri);
      assertTrue(page.body().contains("is requesting"), uri);
    }
  }

  @Test
  void anAnonymousVisitorLogsInFirstAndComesBack() throws Exception {
    OAuthFlow flow = new OAuthFlow(url);
    Map<String, String> request = OAuthFlow.request("read-only", Pkce.fresh().challenge(), "s1");
    HttpResponse<String> page = flow.authorizePage(request);
    assertEquals(302, page.statusCode());
    URI location = URI.create(page.headers().firstValue("Location").orElseThrow());
    String logIn = location.getRawPath() + "?" + location.getRawQuery();
    String consent = "/oauth/authorize?" + OAuthFlow.query(request);
    assertEquals("/log_in?next=" + java.net.URLEncoder.encode(consent, "UTF-8"), logIn);
    // The log-in form remembers next; the e-mailed link then leads back to the consent request.
    HttpResponse<String> form = flow.get(logIn);
    assertEquals(200, form.statusCode());
    HttpResponse<String> sent =
        flow.postForm(
            "/log_in",
            Map.of(
                "login",
                "login",
                "login:username",
                owner.entity(),
                "login:next",
                consent,
                "login:submit",
                "",
                "jakarta.faces.ViewState",
                OAuthFlow.viewState(form)));
    assertEquals(200, sent.statusCode(), sent.body());
    HttpResponse<String> confirmed = flow.confirm(accounts.confirmationToken(owner.entity()));
    assertEquals(302, confirmed.statusCode());
    URI back = URI.create(confirmed.headers().firstValue("Location").orElseThrow());
    assertEquals(consent, back.getRawPath() + "?" + back.getRawQuery());
    HttpResponse<String> consentPage = flow.get(consent);
    assertEquals(200, consentPage.statusCode());
    assertTrue(consentPage.body().contains(database + " (sqlite)"), consentPage.body());

    // A next that leaves the server is not remembered.
    OAuthFlow other = new OAuthFlow(url);
    HttpResponse<String> otherForm = other.get("/log_in?next=%2F%2Fevil.example%2F");
    other.postForm(
        "/log_in",
        Map.of(
            "login", "login",
            "login:username", owner.entity(),
            "login:next", "//evil.example/",
            "login:submit", "",
            "jakarta.faces.ViewState", OAuthFlow.viewState(otherForm)));
    HttpResponse<String> otherConfirmed = other.confirm(accounts.confirmationToken(owner.entity()));
    assertEquals(
        "/" + owner.entity(),
        URI.create(otherConfirmed.headers().firstValue("Location").orElseThrow()).getRawPath());
  }

  @Test
  void denyingSendsAccessDeniedWithTheState() throws Exception {
    OAuthFlow flow = loggedIn(owner);
    HttpResponse<String> page =
        flow.authorizePage(OAuthFlow.request("read-write", Pkce.fresh().challenge(), "st/ä"));
    HttpResponse<String> denied =
        flow.answer(OAuthFlow.viewState(page), null, null, "deny-btn", Map.of());
    assertEquals(302, denied.statusCode(), denied.body());
    assertTrue(
        denied
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .startsWith(OAuthFlow.REDIRECT + "?error=access_denied&state="));
    assertEquals(
        Map.of("error", "access_denied", "state", "st/ä"), OAuthFlow.redirectParameters(denied));
  }

  @Test
  void sharedDatabasesAreListedAndTooLittleAccessIsDenied() throws Exception {
    Account reader = accounts.register("oa-reader");
    String path = "/v1/" + database;
    assertEquals(204, calls.share(owner.bearer(), path, reader.entity(), "read-only").statusCode());
    OAuthFlow flow = loggedIn(reader);

    HttpResponse<String> readOnly =
        flow.authorizePage(OAuthFlow.request("read-only", Pkce.fresh().challenge(), "a"));
    assertTrue(readOnly.body().contains(database + " (sqlite, shared with you)"), readOnly.body());
    HttpResponse<String> readWrite =
        flow.authorizePage(OAuthFlow.request("read-write", Pkce.fresh().challenge(), "b"));
    assertFalse(readWrite.body().contains(database + " (sqlite"), "not grantable read-write");
    // A database that is not offered cannot be posted either: nothing is issued.
    HttpResponse<String> notOffered =
        flow.answer(
            OAuthFlow.viewState(readWrite), database, "read-write", "authorize-btn", Map.of());
    assertEquals(200, notOffered.statusCode());
    assertFalse(notOffered.headers().firstValue("Location").isPresent());

    // Access lowered between showing the page and answering it: the app hears access_denied.
    assertEquals(
        204, calls.share(owner.bearer(), path, reader.entity(), "read-write").statusCode());
    HttpResponse<String> offered =
        flow.authorizePage(OAuthFlow.request("read-write", Pkce.fresh().challenge(), "c"));
    assertTrue(offered.body().contains(database + " (sqlite, shared with you)"));
    assertEquals(204, calls.share(owner.bearer(), path, reader.entity(), "read-only").statusCode());
    HttpResponse<String> answer =
        flow.answer(OAuthFlow.viewState(offered), database, null, "authorize-btn", Map.of());
    assertEquals(302, answer.statusCode(), answer.body());
    Map<String, String> back = OAuthFlow.redirectParameters(answer);
    assertEquals("access_denied", back.get("error"));
    assertEquals(
        "Your access level is lower than the requested permission", back.get("error_description"));
    assertEquals("c", back.get("state"));
    assertNull(back.get("code"));

    // Lowered to read-only by the user: granted read-only.
    Code code = flow.authorize(database, "read-write", "read-only");
    HttpResponse<String> exchanged = flow.exchange(OAuthFlow.fields(code));
    assertEquals("read-only", ApiClient.json(exchanged).getString("query_permission_level"));
  }

  @Test
  void aForgedOrTamperedSessionOrACrossSitePostMintsNothing() throws Exception {
    OAuthFlow flow = loggedIn(owner);
    HttpResponse<String> page =
        flow.authorizePage(OAuthFlow.request("read-write", Pkce.fresh().challenge(), "x"));
    String viewState = OAuthFlow.viewState(page);
    String session = flow.sessionCookie();
    int before = scopedTokens();

    // Another session's cookie (an attacker's own, or one made up) with the victim's form.
    for (String cookie :
        List.of(
            "JSESSIONID=" + session.substring(0, session.length() - 2) + "xx",
            "JSESSIONID=forged",
            "")) {
      HttpRequest.Builder post =
          HttpRequest.newBuilder(
                  URI.create(url.toString().replaceAll("/$", "") + "/oauth/authorize"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  BodyPublishers.ofString(
                      "consent=consent&consent%3Adatabase-select="
                          + database.replace("/", "%2F")
                          + "&consent%3Aauthorize-btn=&jakarta.faces.ViewState="
                          + java.net.URLEncoder.encode(viewState, "UTF-8")));
      if (!cookie.isEmpty()) {
        post.header("Cookie", cookie);
      }
      HttpResponse<String> forged =
          HttpClient.newHttpClient().send(post.build(), HttpResponse.BodyHandlers.ofString());
      assertFalse(
          forged.headers().firstValue("Location").orElse("").contains("code="),
          cookie + " got a code: " + forged.headers().map());
    }
    // The victim's own cookie, but posted from another site's page.
    HttpResponse<String> crossSite =
        flow.answer(
            viewState,
            database,
            null,
            "authorize-btn",
            Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
    assertEquals(403, crossSite.statusCode());
    // A plain form post without the page's view state renders the page; it issues nothing.
    HttpResponse<String> noViewState = flow.answer("", database, null, "authorize-btn", Map.of());
    assertFalse(noViewState.headers().firstValue("Location").orElse("").contains("code="));
    assertEquals(before, scopedTokens());

    // The real answer still works afterwards.
    HttpResponse<String> real = flow.answer(viewState, database, null, "authorize-btn", Map.of());
    assertEquals(302, real.statusCode(), real.body());
    assertTrue(OAuthFlow.redirectParameters(real).containsKey("code"));
  }

  @Test
  void theRedirectUriIsCheckedAgainWhenTheUserAnswers() throws Exception {
    // The view keeps the parameters server-side; a code only ever goes to the checked URI.
    OAuthFlow flow = loggedIn(owner);
    Code code = flow.authorize(database, "read-only", null);
    assertEquals(OAuthFlow.REDIRECT, code.redirectUri());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private int scopedTokens() throws Exception {
    return (int)
        ApiClient.json(
                api.send(api.request("/v1/tokens").header("Authorization", owner.bearer()).GET()))
            .getJsonArray("tokens")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(item -> !item.isNull("app_name"))
            .count();
  }

  private void shiftClock(long seconds) throws Exception {
    HttpResponse<String> shifted =
        api.send(api.request("/it-clock?seconds=" + seconds).POST(BodyPublishers.noBody()));
    assertEquals(204, shifted.statusCode(), shifted.body());
  }

  private HttpResponse<String> raw(String body, String contentType) throws Exception {
    return api.send(
        api.request("/v1/oauth/token")
            .header("Content-Type", contentType)
            .POST(BodyPublishers.ofString(body)));
  }

  private static void expectError(HttpResponse<String> response, String error, String description) {
    assertEquals(400, response.statusCode(), response.body());
    JsonObject body = ApiClient.json(response);
    assertEquals(error, body.getString("error"), response.body());
    assertEquals(description, body.getString("error_description"), response.body());
  }

  private static void expectPage(
      OAuthFlow flow, Map<String, String> parameters, String error, String description)
      throws Exception {
    HttpResponse<String> page = flow.authorizePage(parameters);
    assertEquals(400, page.statusCode(), parameters + " " + page.body());
    assertTrue(page.body().contains("<title>Authorization error - ayb</title>"), page.body());
    assertTrue(page.body().contains(">" + error + "<"), error + " in " + page.body());
    assertTrue(page.body().contains(description), description + " in " + page.body());
    assertFalse(page.body().contains("authorize-btn"));
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  private static Map<String, String> without(Map<String, String> base, String key) {
    Map<String, String> copy = new LinkedHashMap<>(base);
    copy.remove(key);
    return copy;
  }
}
