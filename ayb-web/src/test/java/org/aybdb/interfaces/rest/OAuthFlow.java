package org.aybdb.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser-less visitor of the consent page over plain HTTP: a cookie jar, logging in through
 * the e-mailed link, the page's form posted back as a browser would (with its view state), and the
 * code exchanged at the token endpoint.
 */
public final class OAuthFlow {

  /** Where the test apps are sent back to: a loopback address nothing listens on. */
  public static final String REDIRECT = "http://127.0.0.1:9/callback";

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern PARTIAL_VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String base;
  private final ApiClient api;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public OAuthFlow(URL base) {
    this.base = base.toString().replaceAll("/$", "");
    this.api = new ApiClient(base);
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A verifier and its S256 challenge. */
  public record Pkce(String verifier, String challenge) {
    public static Pkce fresh() throws Exception {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String verifier = BASE64URL.encodeToString(bytes);
      return new Pkce(verifier, challengeOf(verifier));
    }

    public static String challengeOf(String verifier) throws Exception {
      return BASE64URL.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** A code as the app received it, with what the exchange needs. */
  public record Code(String code, String state, String verifier, String redirectUri) {}

  /** Logs this visitor in as {@code entity} through the e-mailed link. */
  public OAuthFlow logIn(TestAccounts accounts, String entity) throws Exception {
    HttpResponse<String> mailed =
        api.send(api.request("/v1/log_in").header("entity", entity).POST(BodyPublishers.noBody()));
    assertEquals(200, mailed.statusCode(), mailed.body());
    HttpResponse<String> confirmed = confirm(accounts.confirmationToken(entity));
    assertEquals(302, confirmed.statusCode(), confirmed.body());
    return this;
  }

  /**
   * Opens an e-mailed confirmation link and presses its Confirm button (opening the link alone logs
   * nobody in); answers the button's response (302 to where the log-in leads).
   */
  public HttpResponse<String> confirm(String token) throws Exception {
    HttpResponse<String> page = get("/confirm/" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    assertEquals(200, page.statusCode(), page.body());
    java.util.regex.Matcher action =
        java.util.regex.Pattern.compile("<form id=\"confirm\"[^>]*action=\"([^\"]+)\"")
            .matcher(page.body());
    assertTrue(action.find(), page.body());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("confirm", "confirm");
    form.put("confirm:token", token);
    form.put("confirm:submit", "Confirm");
    form.put("jakarta.faces.ViewState", viewState(page));
    return postForm(action.group(1).replace("&amp;", "&"), form);
  }

  /** The authorize parameters of a well-formed request. */
  public static Map<String, String> request(String scope, String challenge, String state) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("redirect_uri", REDIRECT);
    parameters.put("scope", scope);
    if (state != null) {
      parameters.put("state", state);
    }
    parameters.put("code_challenge", challenge);
    parameters.put("code_challenge_method", "S256");
    parameters.put("app_name", "Test app");
    return parameters;
  }

  public static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** GET {@code /oauth/authorize} with these parameters. */
  public HttpResponse<String> authorizePage(Map<String, String> parameters) throws Exception {
    return get("/oauth/authorize?" + query(parameters));
  }

  /** The view state of a rendered consent form. */
  public static String viewState(HttpResponse<String> page) {
    Matcher matcher = VIEW_STATE.matcher(page.body());
    assertTrue(matcher.find(), "no view state in " + page.body());
    return matcher.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }

  /**
   * Posts the consent form: {@code button} is {@code authorize-btn} or {@code deny-btn}; {@code
   * level} may be null (keep the requested one).
   */
  public HttpResponse<String> answer(
      String viewState, String database, String level, String button, Map<String, String> headers)
      throws Exception {
    if (level != null) {
      // As the browser does: the level change first (AJAX), which lists the databases for it.
      Map<String, String> change = new LinkedHashMap<>();
      change.put("consent", "consent");
      change.put("consent:level", level);
      change.put("jakarta.faces.ViewState", viewState);
      // A radio button's own id: Faces takes the group's id from it.
      change.put("jakarta.faces.source", "consent:level:1");
      change.put("jakarta.faces.behavior.event", "valueChange");
      change.put("jakarta.faces.partial.event", "click");
      change.put("jakarta.faces.partial.ajax", "true");
      change.put("jakarta.faces.partial.execute", "consent:level");
      change.put("jakarta.faces.partial.render", "consent:databases consent:summary-level");
      HttpRequest.Builder ajax =
          HttpRequest.newBuilder(URI.create(base + "/oauth/authorize"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Faces-Request", "partial/ajax")
              .POST(BodyPublishers.ofString(query(change)));
      headers.forEach(ajax::header);
      HttpResponse<String> changed =
          http.send(
              ajax.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, changed.statusCode(), changed.body());
      Matcher updated = PARTIAL_VIEW_STATE.matcher(changed.body());
      if (updated.find()) {
        viewState = updated.group(1);
      }
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("consent", "consent");
    if (database != null) {
      form.put("consent:database-select", database);
    }
    if (level != null) {
      form.put("consent:level", level);
    }
    form.put("consent:" + button, "");
    form.put("jakarta.faces.ViewState", viewState);
    HttpRequest.Builder post =
        HttpRequest.newBuilder(URI.create(base + "/oauth/authorize"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(query(form)));
    headers.forEach(post::header);
    return http.send(
        post.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The whole consent: the page, then Authorize for {@code database}; returns the app's code. */
  public Code authorize(String database, String scope, String grantedLevel) throws Exception {
    Pkce pkce = Pkce.fresh();
    String state = "st-" + System.nanoTime();
    HttpResponse<String> page = authorizePage(request(scope, pkce.challenge(), state));
    assertEquals(200, page.statusCode(), page.body());
    HttpResponse<String> answer =
        answer(viewState(page), database, grantedLevel, "authorize-btn", Map.of());
    assertEquals(302, answer.statusCode(), answer.body());
    Map<String, String> back = redirectParameters(answer);
    assertEquals(state, back.get("state"));
    return new Code(
        Objects.requireNonNull(back.get("code"), "no code in " + back),
        state,
        pkce.verifier(),
        REDIRECT);
  }

  /** The query parameters of a redirect's {@code Location}. */
  public static Map<String, String> redirectParameters(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    Map<String, String> parameters = new LinkedHashMap<>();
    String query = URI.create(location).getRawQuery();
    if (query == null) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      parameters.put(
          pair.substring(0, equals),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  /** POST {@code /v1/oauth/token} with a JSON body of these fields. */
  public HttpResponse<String> exchange(Map<String, String> fields) throws Exception {
    String body =
        fields.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
            .collect(Collectors.joining(",", "{", "}"));
    return api.send(
        api.request("/v1/oauth/token")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)));
  }

  /** The exchange fields for a code, as ayb's JavaScript client sends them. */
  public static Map<String, String> fields(Code code) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "authorization_code");
    fields.put("code", code.code());
    fields.put("redirect_uri", code.redirectUri());
    fields.put("code_verifier", code.verifier());
    return fields;
  }

  /** A scoped token for {@code database} at {@code level}, through consent and exchange. */
  public String scopedToken(String database, String level) throws Exception {
    HttpResponse<String> exchanged = exchange(fields(authorize(database, level, null)));
    assertEquals(200, exchanged.statusCode(), exchanged.body());
    return ApiClient.json(exchanged).getString("access_token");
  }

  /** POSTs a form to a path of the server with this visitor's cookies. */
  public HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(Duration.ofSeconds(30))
            .POST(BodyPublishers.ofString(query(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GET a path of the server with this visitor's cookies. */
  public HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The value of this visitor's session cookie. */
  public String sessionCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("JSESSIONID"))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElseThrow();
  }
}
