package org.aybdb.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The example to-do app ({@code examples/todo}) served from another origin than the server, driving
 * OAuth with our JavaScript client in a real headless Chromium: log in first, read-write (add an
 * item and read it back), read-only (reads work, writes get ayb's read-only message) and deny
 * ({@code access_denied} with the same state). Screenshots of the consent page at 1366 and 390 px.
 *
 * <p>Tagged {@code any-origin}: it needs a server whose CORS setting lets the app's origin in (the
 * SQLite run's {@code *}); the PostgreSQL run allows only {@code https://app.example.org}.
 */
@Tag("any-origin")
class OAuthBrowserIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  /** The app's files: the build says where they are (property {@code ayb.test.examples}). */
  private static final Path APP =
      Path.of(System.getProperty("ayb.test.examples", "../examples"), "todo")
          .toAbsolutePath()
          .normalize();

  private static final Map<String, String> TYPES =
      Map.of("html", "text/html", "mjs", "text/javascript", "js", "text/javascript");

  @ServerUrl URL url;

  private HttpServer appServer;
  private String app;
  private String base;

  @BeforeEach
  void serveTheApp() throws IOException {
    base = url.toString().replaceAll("/$", "");
    // Another origin: another port, and another host name for the same loopback address.
    String host = URI.create(base).getHost().equals("localhost") ? "127.0.0.1" : "localhost";
    appServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    appServer.createContext(
        "/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().replaceFirst("^/", "");
          Path file = APP.resolve(name.isEmpty() ? "index.html" : name).normalize();
          if (!file.startsWith(APP) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          byte[] bytes = Files.readAllBytes(file);
          String extension = name.substring(name.lastIndexOf('.') + 1);
          exchange
              .getResponseHeaders()
              .add("Content-Type", TYPES.getOrDefault(extension, "text/html") + ";charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    appServer.start();
    app = "http://" + host + ":" + appServer.getAddress().getPort() + "/index.html";
  }

  @AfterEach
  void stopTheApp() {
    appServer.stop(0);
  }

  @Test
  void theTodoAppConnectsThroughTheConsentPage() throws Exception {
    ApiClient api = new ApiClient(url);
    TestAccounts accounts = new TestAccounts(api);
    Account owner = accounts.register("todo");
    String database = owner.entity() + "/todos.sqlite";
    assertEquals(
        201,
        new DatabaseCalls(api)
            .create(owner.bearer(), "/v1/" + database, "sqlite", "no-access")
            .statusCode());

    try (Browser browser = Browser.start(base)) {
      // Log in first: the consent request survives the e-mailed link. Read-write.
      openApp(
          browser,
          "?server=" + URLEncoder.encode(base, StandardCharsets.UTF_8) + "&level=read-write");
      String state = connect(browser);
      assertTrue(browser.driver().getCurrentUrl().startsWith(base + "/log_in?next="));
      browser.type("[id='login:username']", owner.entity());
      browser.find("[id='login:submit']").click();
      browser.waitFor(d -> browser.present("#sent"));
      browser.open(
          "/confirm/"
              + URLEncoder.encode(
                  accounts.confirmationToken(owner.entity()), StandardCharsets.UTF_8));
      // Opening the link only asks; its Confirm button (a POST) logs in and goes on.
      browser.waitFor(d -> browser.present("[id='confirm:submit']"));
      browser.find("[id='confirm:submit']").click();
      browser.waitFor(d -> browser.present("[id='consent:authorize-btn']"));
      browser.settle();
      assertEquals("Authorize To-do list - ayb", browser.driver().getTitle());
      assertTrue(
          browser.text("#consent-summary").contains("To-do list is requesting read-write access"));
      assertTrue(browser.text("#app-origin").startsWith("http://"));
      assertTrue(browser.text("[id='consent:databases']").contains(database + " (sqlite)"));
      // A new database, created in place, is selected at once.
      browser.find("#create-in-place summary").click();
      browser.type("[id='consent:new-database']", "Fresh.sqlite");
      browser.find("[id='consent:create-database-btn']").click();
      browser.settle();
      String fresh = owner.entity() + "/fresh.sqlite";
      browser.waitFor(d -> browser.text("[id='consent:databases']").contains(fresh + " (sqlite)"));
      assertTrue(
          browser
              .driver()
              .findElement(
                  By.cssSelector("input[name='consent:database-select'][value='" + fresh + "']"))
              .isSelected());
      browser.resize(1366, 900);
      browser.screenshot("oauth-consent-1366");
      browser.resize(390, 844);
      browser.screenshot("oauth-consent-390");
      browser.resize(1280, 900);
      database = fresh;
      browser.find("[id='consent:authorize-btn']").click();
      awaitApp(browser);
      assertEquals(state, browser.find("body").getAttribute("data-callback-state"));
      assertEquals(
          "Connected to " + database + " (read-write)",
          browser.text("#connection"),
          status(browser));
      addTodo(browser, "buy milk");
      browser.waitFor(d -> browser.text("#todos").contains("buy milk"));

      // Read-only: reads work, a write gets ayb's read-only refusal.
      disconnect(browser);
      openApp(browser, "?level=read-only");
      connect(browser);
      browser.waitFor(d -> browser.present("[id='consent:authorize-btn']"));
      browser.settle();
      assertTrue(browser.text("#consent-summary").contains("read-only access"));
      chooseDatabase(browser, database);
      browser.find("[id='consent:authorize-btn']").click();
      awaitApp(browser);
      assertEquals(
          "Connected to " + database + " (read-only)",
          browser.text("#connection"),
          status(browser));
      browser.waitFor(d -> browser.text("#todos").contains("buy milk"));
      addTodo(browser, "sneaky write");
      browser.waitFor(d -> !browser.text("#status").isEmpty());
      assertTrue(
          browser.text("#status").startsWith("Query failed: ")
              && browser
                  .text("#status")
                  .contains("Attempted to write to database while in read-only mode"),
          browser.text("#status"));

      // Deny: the app hears access_denied with its own state.
      disconnect(browser);
      openApp(browser, "?level=read-write");
      String deniedState = connect(browser);
      browser.waitFor(d -> browser.present("[id='consent:deny-btn']"));
      browser.find("[id='consent:deny-btn']").click();
      awaitApp(browser);
      assertEquals("access_denied", browser.find("body").getAttribute("data-callback-error"));
      assertEquals(deniedState, browser.find("body").getAttribute("data-callback-state"));
      assertEquals("Authorization failed: access_denied", browser.text("#status"));
      assertEquals("Not connected.", browser.text("#connection"));
    }
  }

  private void openApp(Browser browser, String query) {
    browser.driver().get(app + query);
    awaitApp(browser);
  }

  private static void awaitApp(Browser browser) {
    browser.waitFor(
        d ->
            d.getCurrentUrl().contains("/index.html")
                && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  /** Opens the app's "Connect a database" dialog and connects; returns the state sent. */
  private String connect(Browser browser) {
    browser.find("#connect").click();
    browser.waitFor(d -> browser.present("dialog .ayb-connect"));
    browser.find("dialog .ayb-connect").click();
    browser.waitFor(d -> d.getCurrentUrl().startsWith(base));
    String current = browser.driver().getCurrentUrl();
    if (current.startsWith(base + "/log_in?next=")) {
      current =
          base
              + URLDecoder.decode(
                  current.substring(current.indexOf("next=") + 5), StandardCharsets.UTF_8);
    }
    String query = URI.create(current).getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("state=")) {
        return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no state in " + current);
  }

  private static void chooseDatabase(Browser browser, String database) {
    browser
        .driver()
        .findElement(By.xpath("//label[contains(normalize-space(.), '" + database + " (sqlite)')]"))
        .click();
  }

  private static void addTodo(Browser browser, String title) {
    browser.type("#new-todo", title);
    browser.find("#add").click();
  }

  private static void disconnect(Browser browser) {
    browser.find("#disconnect").click();
    awaitApp(browser);
  }

  private static String status(Browser browser) {
    return "status: " + browser.text("#status");
  }
}
