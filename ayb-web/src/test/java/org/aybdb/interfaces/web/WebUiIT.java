package org.aybdb.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.WatchesSnapshotRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real headless Chromium against the real WAR on Payara Micro: the whole journey
 * (sign up, the e-mailed link, a database, SQL, results, CSV, sharing read-only with a second user,
 * revoking, tokens, log-out and log-in), then the security properties: forged and tampered session
 * cookies, the session cookie's attributes and rotation, and cross-site form posts. Screenshots of
 * the main pages land in {@code target/screenshots/}.
 */
@WatchesSnapshotRuns
class WebUiIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @ServerUrl URL url;

  private String base;
  private ApiClient api;
  private TestAccounts accounts;

  @BeforeEach
  void setUp() {
    base = url.toString().replaceAll("/$", "");
    api = new ApiClient(url);
    accounts = new TestAccounts(api);
  }

  // ---- the journey ----------------------------------------------------------------------------

  @Test
  void wholeJourneyInTheBrowser() throws Exception {
    String alice = TestAccounts.unique("alice");
    String bob = TestAccounts.unique("bob");
    String database = "notes.sqlite";
    String dbPath = "/" + alice + "/" + database;

    try (Browser owner = Browser.start(base);
        Browser guest = Browser.start(base)) {
      owner.open("/");
      assertEquals("Welcome - ayb", owner.driver().getTitle());
      assertTrue(owner.present("#home-register"));
      owner.capture("01-home");

      // Sign up, then the link from the e-mail logs this browser in and lands on the entity page.
      signUp(owner, alice, true);
      owner.capture("03-check-email");
      String before = sessionCookie(owner);
      followEmailLink(owner, alice);
      assertEquals("/" + alice, owner.path());
      assertEquals(alice, owner.text("#nav-profile"));
      assertNotEquals(before, sessionCookie(owner), "the session id is rotated on log-in");
      assertTrue(owner.present("#no-databases"), "a new entity has no databases");
      owner.capture("04-entity-empty");

      // Edit the profile in place; Enter in a field saves (it used to cancel the edit).
      click(owner, id("profile:edit"));
      owner.waitFor(d -> owner.present(id("profile:displayName")));
      owner.type(id("profile:description"), "Keeps notes & lists");
      owner.type(id("profile:displayName"), "Alice <Tester>");
      owner.capture("04b-edit-profile");
      owner.find(id("profile:displayName")).sendKeys(Keys.ENTER);
      owner.waitFor(d -> owner.present("#profile-name"));
      owner.settle();
      assertEquals("Alice <Tester>", owner.text("#profile-name"), "escaped, shown as typed");
      assertEquals("Keeps notes & lists", owner.text("#profile-description"));

      // Create a database with the form; Enter in the name creates it (it used to close the form).
      click(owner, id("create:toggle"));
      owner.waitFor(d -> owner.present(id("create:slug")));
      owner.type(id("create:slug"), database);
      owner.capture("05-create-database");
      owner.find(id("create:slug")).sendKeys(Keys.ENTER);
      owner.waitFor(d -> owner.path().equals(dbPath));
      owner.settle();
      assertEquals("Explore " + alice + "/" + database + " - ayb", owner.driver().getTitle());
      assertEquals("Owner", owner.text("#access"));
      assertTrue(owner.present("#schema-empty"), "no tables yet");
      assertTrue(owner.present(".CodeMirror"), "the SQL editor is CodeMirror");
      assertTrue(owner.present("#no-results"));

      // The automatic snapshot of the empty database, before anything is written: snapshot ids
      // are content hashes, so the snapshot of the rows below is the first with another id. (A
      // time cut-off raced: a run between the write and the test's clock reading took the rows
      // in a snapshot dated before it, and an unchanged database gets no later one.)
      owner.driver().findElement(By.linkText("Snapshots")).click();
      Set<String> empty = Set.of(awaitSnapshotOtherThan(owner, Set.of()));
      owner.driver().findElement(By.linkText("Query")).click();

      // A table and rows, run with Ctrl-Enter; then typed SQL, run with the button.
      runQuery(
          owner,
          "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, tag TEXT);\n"
              + "INSERT INTO notes (body, tag) VALUES ('hello', NULL), ('a, \"quoted\" one', 'x');");
      assertEquals("2 rows changed", owner.text("#row-summary").replaceAll(" · .*", ""));
      assertTrue(owner.text("#schema").contains("notes"), "the sidebar lists the new table");
      typeAndRun(owner, "SELECT * FROM notes ORDER BY id;");
      assertTrue(owner.text("#row-summary").startsWith("2 rows"), owner.text("#row-summary"));
      List<String> headers =
          owner.driver().findElements(By.cssSelector(".results-table th")).stream()
              .map(WebElement::getText)
              .toList();
      assertEquals(List.of("id", "body", "tag"), headers);
      List<WebElement> cells = owner.driver().findElements(By.cssSelector(".results-table td"));
      assertEquals("hello", cells.get(1).getText());
      assertEquals("NULL", cells.get(2).getText());
      assertEquals(
          "null-value",
          cells.get(2).findElement(By.cssSelector("span")).getAttribute("class"),
          "NULL is shown distinctly");
      assertEquals("a, \"quoted\" one", cells.get(4).getText());
      assertTrue(cells.get(0).getAttribute("class").contains("cell-number"), "numbers align right");
      owner.capture("06-database-results");

      // The CSV download holds the full result.
      click(owner, id("tabs:query:download-csv"));
      Path csv = owner.download("query-result-" + alice + "-" + database + ".csv");
      assertEquals("id,body,tag\n1,hello,\n2,\"a, \"\"quoted\"\" one\",x\n", Files.readString(csv));

      // Snapshots: an automatic one of the two rows appears; a third row is undone by restoring it.
      owner.driver().findElement(By.linkText("Snapshots")).click();
      String snapshot = awaitSnapshotOtherThan(owner, empty);
      assertFalse(owner.present("#snapshots-off"), "this server takes snapshots");
      owner.capture("08-snapshots");
      owner.driver().findElement(By.linkText("Query")).click();
      runQuery(owner, "INSERT INTO notes (body) VALUES ('third');");
      runQuery(owner, "SELECT count(*) FROM notes;");
      assertEquals("3", owner.find(".results-table td").getText());
      owner.driver().findElement(By.linkText("Snapshots")).click();
      owner
          .driver()
          .findElement(By.xpath("//code[@title='" + snapshot + "']/ancestor::tr//button"))
          .click();
      owner.settle();
      owner.waitFor(d -> owner.find(id("tabs:snapshots:confirm-restore-btn")).isDisplayed());
      assertTrue(
          owner.text(id("tabs:snapshots:restore-dialog")).contains(snapshot.substring(0, 10)));
      click(owner, id("tabs:snapshots:confirm-restore-btn"));
      owner.waitFor(
          d ->
              owner
                  .text(id("tabs:snapshots:messages"))
                  .contains("Database successfully restored from snapshot '" + snapshot + "'."));
      owner.driver().findElement(By.linkText("Query")).click();
      runQuery(owner, "SELECT count(*) FROM notes;");
      assertEquals("2", owner.find(".results-table td").getText(), "the third row is undone");

      // SQLite's error inline.
      runQuery(owner, "SELEC * FROM notes;");
      assertEquals("Query error", owner.find("#query-error strong").getText());
      assertTrue(
          owner.text("#query-error pre").contains("near \"SELEC\": syntax error"),
          owner.text("#query-error pre"));
      owner.capture("07-query-error");

      // The second user signs up in another browser; the owner shares read-only with them.
      signUp(guest, bob, false);
      followEmailLink(guest, bob);
      assertEquals("/" + bob, guest.path());
      guest.open("/" + alice);
      assertTrue(guest.present("#no-databases"), "nothing is shared yet");
      guest.open(dbPath);
      assertTrue(guest.present("#not-found"));
      guest.capture("09a-database-not-found");

      // Enter in Sharing > Username shares with that user (it used to make the database public).
      owner.driver().findElement(By.linkText("Sharing")).click();
      String username = id("tabs:sharing:share-entity_input");
      owner.waitFor(d -> owner.find(username).isDisplayed());
      // Usernames complete (slugs only, for managers); pick bob, then Enter shares.
      owner.type(username, bob.substring(0, bob.length() - 1));
      String suggestion = ".ui-autocomplete-panel li[data-item-value='" + bob + "']";
      owner.waitFor(d -> owner.present(suggestion) && owner.find(suggestion).isDisplayed());
      assertFalse(owner.text(".ui-autocomplete-panel").contains("@"), "no e-mail addresses");
      // Only the window: a whole-page screenshot makes Chromium resize the viewport to the page
      // (taller than the window here), and PrimeFaces closes the list on any resize.
      owner.windowScreenshot("09b-username-completion");
      // Down highlights the suggestion, Enter picks it; Enter again shares.
      owner.find(username).sendKeys(Keys.ARROW_DOWN);
      owner.waitFor(d -> owner.present(".ui-autocomplete-panel li.ui-state-highlight"));
      owner.find(username).sendKeys(Keys.ENTER);
      owner.waitFor(d -> bob.equals(owner.find(username).getAttribute("value")));
      owner.waitFor(d -> !owner.find(".ui-autocomplete-panel").isDisplayed());
      owner.find(username).sendKeys(Keys.ENTER);
      owner.waitFor(d -> owner.text(id("tabs:sharing:grants")).contains(bob));
      owner.settle();
      assertEquals(
          "read-only",
          new Select(owner.find(".grants-table select.role-select"))
              .getFirstSelectedOption()
              .getAttribute("value"));
      assertEquals(
          "Private",
          owner.text(id("tabs:sharing:public-level") + " [role='radio'][aria-checked='true']"),
          "still private; the option buttons say which one is on");
      assertTrue(owner.text("#owner-row").startsWith(alice), "the owner is listed first");
      owner.capture("09-sharing");

      guest.open("/" + alice);
      assertEquals(database, guest.text(".database-card .database-name"));
      guest.find(".database-card").click();
      guest.waitFor(d -> guest.path().equals(dbPath));
      guest.settle();
      assertEquals("Read-only", guest.text("#access"));
      assertFalse(guest.present("a[href*='sharing-tab']"), "no sharing tab for a reader");
      runQuery(guest, "INSERT INTO notes (body) VALUES ('from bob');");
      assertEquals("No write access", guest.find("#query-error strong").getText());
      guest.capture("10-shared-read-only");
      runQuery(guest, "SELECT count(*) AS notes FROM notes;");
      assertEquals("2", guest.find(".results-table td").getText(), "bob's insert did not happen");
      guest.open("/" + bob);
      assertEquals(alice + "/" + database, guest.text("#shared-with-me .database-name"));
      assertTrue(guest.text("#shared-with-me").contains("read-only"));
      guest.capture("10b-shared-with-me");

      // The role is changed in place, in the grantee's row; a manager gets the badge and the tab.
      assertEquals(
          "read-only",
          new Select(owner.find(".grants-table select.role-select"))
              .getFirstSelectedOption()
              .getAttribute("value"));
      new Select(owner.find(".grants-table select.role-select")).selectByValue("manager");
      owner.waitFor(d -> owner.text(id("tabs:sharing")).contains("now has manager access"));
      owner.settle();
      assertEquals(
          "manager",
          new Select(owner.find(".grants-table select.role-select"))
              .getFirstSelectedOption()
              .getAttribute("value"));
      owner.capture("09c-role-in-place");
      guest.open(dbPath);
      assertEquals("Manager", guest.text("#access"));
      assertTrue(guest.present("a[href*='sharing-tab']"), "a manager shares too");

      // Revoke: bob's access is gone.
      click(owner, ".remove-access");
      owner.waitFor(d -> owner.find(id("tabs:sharing:confirm-remove-btn")).isDisplayed());
      click(owner, id("tabs:sharing:confirm-remove-btn"));
      owner.waitFor(d -> !owner.text(id("tabs:sharing:grants")).contains(bob));
      guest.open(dbPath);
      assertTrue(guest.present("#not-found"));
      assertEquals("Database not found - ayb", guest.driver().getTitle());
      guest.open("/" + alice);
      assertTrue(guest.present("#no-databases"));

      // Making it public needs its name typed first.
      List<WebElement> levels =
          owner
              .driver()
              .findElements(By.cssSelector(id("tabs:sharing:public-level") + " [role='radio']"));
      levels.get(2).click();
      click(owner, id("tabs:sharing:update-public-sharing-btn"));
      owner.waitFor(
          d ->
              owner
                  .text(id("tabs:sharing:confirm-name-error"))
                  .contains("Type the database's name"));
      assertEquals(
          "Private",
          owner.text(id("tabs:sharing:public-level") + " [role='radio'][aria-checked='true']"));
      owner
          .driver()
          .findElements(By.cssSelector(id("tabs:sharing:public-level") + " [role='radio']"))
          .get(2)
          .click();
      owner.type(id("tabs:sharing:confirm-name"), database);
      owner.find(id("tabs:sharing:confirm-name")).sendKeys(Keys.ENTER);
      owner.waitFor(
          d -> owner.text(id("tabs:sharing:messages")).contains("Public access is now read-only."));
      guest.open(dbPath);
      assertEquals("Read-only", guest.text("#access"), "anyone may read it now");

      // Tokens: bob gets a second token (as the CLI would) and revokes it on the settings page.
      TestAccounts.Account cli = accounts.logIn(new TestAccounts.Account(bob, "unused"));
      String cliShort = cli.token().split("_")[1];
      assertEquals(
          200,
          api.send(api.request("/v1/tokens").header("Authorization", cli.bearer())).statusCode());
      guest.open("/settings/tokens");
      assertEquals(2, guest.driver().findElements(By.cssSelector(".tokens-table tbody tr")).size());
      assertTrue(guest.present(".tokens-table .badge"), "this browser's own token is marked");
      guest.capture("11-tokens");
      click(guest, "tr.token-row-" + cliShort + " .revoke-button");
      guest.waitFor(d -> guest.find(id("tokens:confirm-revoke-btn")).isDisplayed());
      click(guest, id("tokens:confirm-revoke-btn"));
      guest.waitFor(d -> !guest.present("tr.token-row-" + cliShort));
      assertEquals(
          401,
          api.send(api.request("/v1/tokens").header("Authorization", cli.bearer())).statusCode());
      assertEquals(1, guest.driver().findElements(By.cssSelector(".tokens-table tbody tr")).size());

      owner.open("/" + alice);
      owner.capture("12-entity");

      // Log out (a form post), then log in again by username.
      owner.open("/" + alice);
      click(owner, id("nav:logout"));
      owner.waitFor(d -> owner.path().startsWith("/log_in"));
      assertTrue(owner.present("#nav-login"));
      owner.open("/settings/tokens");
      assertTrue(owner.path().startsWith("/log_in"), owner.path());
      owner.type(id("login:username"), alice.toUpperCase(Locale.ROOT));
      owner.capture("15-log-in");
      click(owner, id("login:submit"));
      owner.waitFor(d -> owner.present("#sent"));
      followEmailLink(owner, alice);
      assertEquals("/settings/tokens", owner.path(), "log-in continues where it was asked for");
      assertEquals(alice, owner.text("#nav-profile"));
      assertEquals(
          1,
          owner.driver().findElements(By.cssSelector(".tokens-table tbody tr")).size(),
          "logging out revoked the first session's token; only this session's is left");
    }
  }

  // ---- sharing ----------------------------------------------------------------------------------

  @Test
  void sharingPicksAUsernameSuggestionAndShowsOneSelectedOption() throws Exception {
    String hal = TestAccounts.unique("hal");
    String ivy = accounts.register("ivy").entity();
    String jon = accounts.register("jon").entity();
    String dbPath = "/" + hal + "/team.sqlite";
    try (Browser browser = Browser.start(base)) {
      signUpWithDatabase(browser, hal, "team.sqlite");
      browser.driver().findElement(By.linkText("Sharing")).click();
      String username = id("tabs:sharing:share-entity_input");
      browser.waitFor(d -> browser.find(username).isDisplayed());

      // Only the chosen option looks chosen: one active button, drawn unlike the others.
      for (String group : List.of("tabs:sharing:public-level", "tabs:sharing:share-level")) {
        List<WebElement> options =
            browser.driver().findElements(By.cssSelector(id(group) + " [role='radio']"));
        assertEquals(3, options.size());
        List<String> checked = options.stream().map(o -> o.getAttribute("aria-checked")).toList();
        assertEquals(List.of("true", "false", "false"), checked, group);
        String on = options.get(0).getCssValue("background-color");
        for (WebElement off : options.subList(1, 3)) {
          assertNotEquals(on, off.getCssValue("background-color"), group + " " + off.getText());
          assertEquals(
              options.get(1).getCssValue("background-color"),
              off.getCssValue("background-color"),
              group);
        }
      }
      List<WebElement> levels =
          browser
              .driver()
              .findElements(By.cssSelector(id("tabs:sharing:share-level") + " [role='radio']"));
      levels.get(1).click();
      browser.waitFor(d -> "true".equals(levels.get(1).getAttribute("aria-checked")));
      assertEquals("false", levels.get(0).getAttribute("aria-checked"));
      // (The theme animates the colours: wait for the first option to turn back.)
      browser.waitFor(
          d ->
              levels
                  .get(0)
                  .getCssValue("background-color")
                  .equals(levels.get(2).getCssValue("background-color")));
      assertNotEquals(
          levels.get(0).getCssValue("background-color"),
          levels.get(1).getCssValue("background-color"));

      // The keyboard: Down highlights the suggestion, Enter picks it, Enter again shares.
      browser.type(username, ivy.substring(0, ivy.length() - 2));
      String ivySuggestion = ".ui-autocomplete-panel li[data-item-value='" + ivy + "']";
      browser.waitFor(
          d -> browser.present(ivySuggestion) && browser.find(ivySuggestion).isDisplayed());
      browser.find(username).sendKeys(Keys.ARROW_DOWN);
      browser.waitFor(d -> browser.present(".ui-autocomplete-panel li.ui-state-highlight"));
      browser.find(username).sendKeys(Keys.ENTER);
      browser.waitFor(d -> ivy.equals(browser.find(username).getAttribute("value")));
      browser.waitFor(d -> !browser.find(".ui-autocomplete-panel").isDisplayed());
      browser.find(username).sendKeys(Keys.ENTER);
      browser.waitFor(d -> browser.text(id("tabs:sharing:grants")).contains(ivy));
      browser.settle();
      assertEquals(
          "read-write",
          new Select(browser.find(".grants-table select.role-select"))
              .getFirstSelectedOption()
              .getAttribute("value"));

      // The mouse: a click on the suggestion picks it.
      browser.type(username, jon.substring(0, jon.length() - 2));
      String jonSuggestion = ".ui-autocomplete-panel li[data-item-value='" + jon + "']";
      browser.waitFor(
          d -> browser.present(jonSuggestion) && browser.find(jonSuggestion).isDisplayed());
      browser.find(jonSuggestion).click();
      browser.waitFor(d -> jon.equals(browser.find(username).getAttribute("value")));
      click(browser, id("tabs:sharing:share-entity-btn"));
      browser.waitFor(d -> browser.text(id("tabs:sharing:grants")).contains(jon));

      // Completion is rate-limited per user (8 a minute in the tests), and says so.
      String note = id("tabs:sharing:suggest-note");
      String limit = "Too many username look-ups; wait \\d+ s before completing more";
      // Empty until the limit; on a slow machine the typing above may already have reached it (a
      // pause of over 300 ms between two keystrokes sends one more look-up).
      assertTrue(browser.text(note).isEmpty() || browser.text(note).matches(limit));
      for (int i = 0; i < 12 && browser.text(note).isEmpty(); i++) {
        browser.type(username, "zz" + i);
        browser.waitFor(
            d ->
                browser.find(".ui-autocomplete-panel").isDisplayed()
                    || !browser.text(note).isEmpty());
        browser.settle();
        browser.find(username).sendKeys(Keys.ESCAPE);
      }
      String limited = browser.text(note);
      assertTrue(limited.matches(limit), limited);
      assertEquals("status", browser.find(note).getAttribute("role"));
    }
  }

  // ---- the editor's history, saved queries and Cancel -------------------------------------------

  @Test
  void editorKeepsEachUsersHistoryAndSavedQueries() throws Exception {
    // lee owns the database (through the API) and lets kim write and mia read.
    TestAccounts.Account lee = accounts.register("lee");
    String kim = TestAccounts.unique("kim");
    String mia = TestAccounts.unique("mia");
    String dbPath = "/" + lee.entity() + "/log.sqlite";
    DatabaseCalls calls = new DatabaseCalls(api);
    calls.createOrFail(lee.bearer(), "/v1" + dbPath, "no-access");
    try (Browser browser = Browser.start(base);
        Browser reader = Browser.start(base)) {
      signUp(browser, kim, false);
      followEmailLink(browser, kim);
      signUp(reader, mia, false);
      followEmailLink(reader, mia);
      calls.shareOrFail(lee.bearer(), "/v1" + dbPath, kim, "read-write");
      calls.shareOrFail(lee.bearer(), "/v1" + dbPath, mia, "read-only");
      browser.open(dbPath);
      assertTrue(browser.present("#history-empty"));

      // Runs land in the history, newest first; a click loads one into the editor.
      runQuery(browser, "CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (1), (2);");
      runQuery(browser, "SELECT x FROM t;");
      browser.waitFor(d -> d.findElements(By.cssSelector("#history li")).size() == 2);
      assertEquals("SELECT x FROM t;", browser.text("#history li:first-child .library-load"));
      browser.open(dbPath);
      assertEquals(
          2,
          browser.driver().findElements(By.cssSelector("#history li")).size(),
          "kept on the server");
      browser.find("#history li:nth-child(2) .library-load").click();
      assertEquals(
          "CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (1), (2);",
          browser.script("return aybEditor.get().getValue();"));

      // Save the editor's query by name (Enter in the name), load, rename, delete.
      browser.script("aybEditor.get().setValue('SELECT count(*) FROM t;')");
      browser.type(id("tabs:query:save-name"), "count rows");
      browser.find(id("tabs:query:save-name")).sendKeys(Keys.ENTER);
      browser.waitFor(d -> browser.present("#saved-queries li"));
      browser.settle();
      assertEquals("count rows", browser.text("#saved-queries li .library-load"));
      browser.script("aybEditor.get().setValue('')");
      browser.find("#saved-queries li .library-load").click();
      assertEquals("SELECT count(*) FROM t;", browser.script("return aybEditor.get().getValue();"));
      browser.capture("21-saved-queries-and-history");
      WebElement rename = browser.find("#saved-queries .rename-name");
      rename.clear();
      rename.sendKeys("row count");
      click(browser, "#saved-queries .rename-saved");
      browser.waitFor(d -> browser.text("#saved-queries").contains("row count"));
      assertFalse(browser.text("#saved-queries").contains("count rows"));

      // The cap per user (3 in the tests) is said plainly.
      for (String name : List.of("two", "three", "four")) {
        browser.script("aybEditor.get().setValue('SELECT 1;')");
        browser.type(id("tabs:query:save-name"), name);
        click(browser, id("tabs:query:save-query"));
      }
      browser.waitFor(d -> browser.present("#library-error"));
      assertTrue(
          browser.text("#library-error").contains("You have saved 3 queries"),
          browser.text("#library-error"));
      assertEquals(3, browser.driver().findElements(By.cssSelector("#saved-queries li")).size());
      click(browser, "#saved-queries li:first-child .delete-saved");
      browser.waitFor(d -> d.findElements(By.cssSelector("#saved-queries li")).size() == 2);

      // Cancel stops a query that would run to the time limit (10 s): its daemon is killed.
      browser.script(
          "aybEditor.get().setValue(arguments[0])",
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n;");
      browser.find(".CodeMirror").click();
      forgetResults(browser);
      long started = System.nanoTime();
      new Actions(browser.driver())
          .keyDown(Keys.CONTROL)
          .sendKeys(Keys.ENTER)
          .keyUp(Keys.CONTROL)
          .perform();
      browser.waitFor(d -> browser.find(id("tabs:query:cancel")).isDisplayed());
      Thread.sleep(1500); // well into the query
      browser.find(id("tabs:query:cancel")).click();
      awaitResults(browser);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals("Query cancelled", browser.find("#query-error strong").getText());
      assertTrue(tookMillis < 6000, "stopped long before the time limit: " + tookMillis + " ms");
      System.out.printf("a cancelled query answered after %d ms (time limit 10 s)%n", tookMillis);
      assertFalse(
          browser.find(id("tabs:query:cancel")).isDisplayed(), "Cancel shows only while running");
      runQuery(browser, "SELECT 7 AS seven;");
      assertEquals("7", browser.text("#grid tbody td"), "the database answers at once again");
      // Four runs so far; the history keeps the last 3 (its length in the tests).
      browser.waitFor(
          d -> browser.text("#history li:first-child .library-load").equals("SELECT 7 AS seven;"));
      assertEquals(3, browser.driver().findElements(By.cssSelector("#history li")).size());

      // Another user of the database sees neither kim's history nor kim's saved queries.
      reader.open(dbPath);
      assertEquals("Read-only", reader.text("#access"));
      assertTrue(reader.present("#history-empty") && reader.present("#saved-empty"));
      runQuery(reader, "SELECT 42;");
      reader.waitFor(d -> d.findElements(By.cssSelector("#history li")).size() == 1);
      browser.open(dbPath);
      assertFalse(browser.text("#history").contains("SELECT 42"));

      // Once kim loses access, the page (and with it kim's queries there) is gone.
      calls.shareOrFail(lee.bearer(), "/v1" + dbPath, kim, "no-access");
      browser.open(dbPath);
      assertTrue(browser.present("#not-found"));
      assertFalse(browser.present("#history"));
    }
  }

  /**
   * SQL the metadata store cannot keep (PostgreSQL refuses a NUL in text) is refused with a
   * message, never a failed page: the run still answers and saving says why. The editor's text
   * comes from a form field, so a visitor can put anything in it. Markup in names and SQL stays
   * text in both lists.
   */
  @Test
  void editorTextTheMetadataStoreCannotKeepIsRefusedPlainly() throws Exception {
    String owner = TestAccounts.unique("nul");
    try (Browser browser = Browser.start(base)) {
      signUpWithDatabase(browser, owner, "nul.sqlite");
      runQuery(browser, "SELECT 1 AS one, '\u0000' AS nul;");
      assertTrue(browser.text("#query-error").contains("NUL"), browser.text("#query-error"));
      assertTrue(browser.present("#history-empty"), "nothing unkeepable was recorded");

      browser.script("aybEditor.get().setValue(arguments[0])", "SELECT 2 AS \u0000two;");
      browser.type(id("tabs:query:save-name"), "with nul");
      click(browser, id("tabs:query:save-query"));
      browser.waitFor(d -> browser.present("#library-error"));
      assertTrue(browser.text("#library-error").contains("NUL"), browser.text("#library-error"));
      assertTrue(browser.present("#saved-empty"));
      runQuery(browser, "SELECT 4 AS four;");
      assertEquals("4", browser.text("#grid tbody td"), "the page still works");

      // Markup in a saved name or in SQL shown by both lists stays text.
      String name = "<img src=x onerror=\"window.pwned=1\">";
      String sql = "SELECT '\"><script>window.pwned=2</script>' AS x; -- </button><b>";
      browser.script("aybEditor.get().setValue(arguments[0])", sql);
      browser.type(id("tabs:query:save-name"), name);
      click(browser, id("tabs:query:save-query"));
      runQuery(browser, sql);
      browser.open("/" + owner + "/nul.sqlite");
      assertEquals(name, browser.text("#saved-queries li .library-load"));
      assertEquals(
          sql, browser.find("#history li:first-child .library-load").getAttribute("data-sql"));
      assertEquals(
          null, browser.script("return window.pwned === undefined ? null : window.pwned;"));
      assertTrue(
          browser
              .driver()
              .findElements(By.cssSelector("#saved-queries img, #history b"))
              .isEmpty());
    }
  }

  // ---- the data explorer ------------------------------------------------------------------------

  @Test
  void exploresRealDataThroughTheSidebarTheTableViewAndTheGrid() throws Exception {
    String erin = TestAccounts.unique("erin");
    String dbPath = "/" + erin + "/shop.sqlite";
    try (Browser browser = Browser.start(base)) {
      signUpWithDatabase(browser, erin, "shop.sqlite");

      // 60 rows with a BLOB, a 3,000-character value, numbers; an index and a view.
      runQuery(
          browser,
          "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL,"
              + " data BLOB, note TEXT);\n"
              + "CREATE INDEX items_name ON items (name);\n"
              + "CREATE VIEW cheap AS SELECT id, name FROM items WHERE price < 10;\n"
              + "INSERT INTO items (name, price, data, note) SELECT 'item ' || i, i * 1.5,"
              + " CASE WHEN i = 1 THEN x'00ff10' END,"
              + " CASE WHEN i = 2 THEN replace(hex(zeroblob(1500)), '0', 'x') END"
              + " FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
              + " WHERE i < 60) SELECT i FROM n);");
      assertEquals("60 rows changed", browser.text("#row-summary").replaceAll(" · .*", ""));

      // The sidebar: tables and views, columns, types, keys, indexes, row counts.
      browser.open(dbPath);
      String schema = browser.text("#schema");
      assertTrue(schema.contains("items") && schema.contains("60 rows"), schema);
      assertTrue(schema.contains("cheap") && schema.contains("view"), schema);
      List<WebElement> summaries = browser.driver().findElements(By.cssSelector("#schema summary"));
      assertEquals(2, summaries.size(), "the view cheap, then the table items");
      summaries.get(1).click();
      String items =
          browser
              .driver()
              .findElements(By.cssSelector("#schema li.schema-table"))
              .get(1)
              .getText()
              .replaceAll("\\s+", " ");
      assertTrue(items.contains("price REAL") && items.contains("PK"), items);
      assertTrue(items.contains("items_name"), items);
      browser.capture("16-schema-sidebar");

      // Autocomplete from the schema: Ctrl-Space offers table names, "name." its columns.
      browser.script("aybEditor.get().setValue('')");
      browser.find(".CodeMirror").click();
      new Actions(browser.driver())
          .sendKeys("SELECT * FROM ite")
          .keyDown(Keys.CONTROL)
          .sendKeys(Keys.SPACE)
          .keyUp(Keys.CONTROL)
          .perform();
      browser.waitFor(d -> browser.present(".CodeMirror-hints"));
      assertTrue(browser.text(".CodeMirror-hints").contains("items"));
      new Actions(browser.driver()).sendKeys(Keys.ENTER).sendKeys(" WHERE items.").perform();
      browser.waitFor(d -> browser.present(".CodeMirror-hints"));
      String columns = browser.text(".CodeMirror-hints");
      assertTrue(columns.contains("price") && columns.contains("note"), columns);
      browser.capture("16b-autocomplete");
      new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
      assertEquals(
          "SELECT * FROM items WHERE items.", browser.script("return aybEditor.get().getValue()"));

      // The table view: a page of 25 rows of 60, BLOBs described, long values clipped.
      browser.driver().findElement(By.linkText("Browse items")).click();
      browser.waitFor(d -> browser.path().equals(dbPath + "/items"));
      browser.settle();
      assertEquals("items", browser.text("#table-name"));
      assertTrue(
          browser.text("#row-summary").startsWith("60 rows, showing 1–25"),
          browser.text("#row-summary"));
      assertEquals(25, browser.driver().findElements(By.cssSelector("#grid tbody tr")).size());
      List<WebElement> first =
          browser.driver().findElements(By.cssSelector("#grid tbody tr:first-child td"));
      assertEquals(
          "<blob: 3 bytes>", first.get(3).findElement(By.cssSelector(".cell-value")).getText());
      // Its bytes in hexadecimal, on a click.
      WebElement hex = first.get(3).findElement(By.cssSelector(".cell-hex-value"));
      assertFalse(hex.isDisplayed());
      first.get(3).findElement(By.cssSelector(".cell-hex")).click();
      assertEquals("00 FF 10", hex.getText());
      assertEquals(
          "true",
          first.get(3).findElement(By.cssSelector(".cell-hex")).getAttribute("aria-expanded"));
      assertEquals("right", first.get(2).getCssValue("text-align"), "numbers align right");
      assertEquals("NULL", first.get(4).getText());
      assertEquals("sticky", browser.find("#grid thead th").getCssValue("position"));
      assertEquals("sticky", first.get(0).getCssValue("position"), "the first column stays");
      WebElement longCell = browser.find("#grid tbody tr:nth-child(2) td.cell-long");
      assertTrue(longCell.getSize().getHeight() < 60, "a 3,000-character value stays one line");
      longCell.findElement(By.cssSelector(".cell-expand")).click();
      assertTrue(longCell.getAttribute("class").contains("cell-open"));
      assertTrue(longCell.getSize().getHeight() > 100, "expanded, it shows in full");
      browser.capture("17-table-view");

      click(browser, id("tabs:query:next-page"));
      browser.waitFor(d -> browser.text("#row-summary").contains("showing 26–50"));

      // Sort by a header (twice: descending), then filter with Enter in the value field.
      List<WebElement> headers =
          browser.driver().findElements(By.cssSelector("#grid th .sort-link"));
      headers.get(2).click();
      browser.settle();
      browser.driver().findElements(By.cssSelector("#grid th .sort-link")).get(2).click();
      browser.settle();
      assertEquals(
          "descending",
          browser
              .driver()
              .findElements(By.cssSelector("#grid th"))
              .get(2)
              .getAttribute("aria-sort"));
      assertEquals("60", browser.text("#grid tbody tr:first-child td"));
      addFilter(browser, "name", "contains", "item 1");
      assertEquals("11 rows", browser.text("#row-summary").replaceAll(" · .*", ""));
      assertEquals("19", browser.text("#grid tbody tr:first-child td"));
      String generated =
          (String) browser.script("return document.getElementById('generated-sql').textContent;");
      assertTrue(generated.contains("\"name\" LIKE ? ESCAPE"), generated);
      assertEquals(
          "'%item 1%'",
          browser.script("return document.getElementById('generated-values').textContent;"),
          "the value is bound");
      assertTrue(generated.contains("ORDER BY \"price\" DESC"), generated);

      // The view's link works for anyone allowed: the same rows again.
      String link = browser.find("#view-link").getAttribute("href");
      assertTrue(link.contains("name__contains=item+1") && link.contains("_sort_desc=price"), link);
      browser.driver().get(link);
      browser.settle();
      assertEquals("11 rows", browser.text("#row-summary").replaceAll(" · .*", ""));
      assertEquals("19", browser.text("#grid tbody tr:first-child td"));
      assertEquals(
          404, get("/" + erin + "/shop.sqlite/no_such_table", sessionHeader(browser)).statusCode());

      // ?sql= links run a read, and only fill the editor with anything else.
      browser.open(dbPath + "?sql=" + Pages.query("SELECT count(*) AS n FROM items"));
      assertEquals("60", browser.text("#grid tbody td"));
      browser.open(dbPath + "?sql=" + Pages.query("DELETE FROM items"));
      assertFalse(browser.present("#row-summary"), "a link never writes");
      assertEquals("DELETE FROM items", browser.script("return aybEditor.get().getValue();"));

      // The editor keeps its SQL across reloads and runs only the selection.
      browser.open(dbPath);
      browser.script("aybEditor.get().setValue('SELECT 1 AS one;\\nSELECT 2 AS two;')");
      browser.open(dbPath);
      assertEquals(
          "SELECT 1 AS one;\nSELECT 2 AS two;",
          browser.script("return aybEditor.get().getValue();"));
      browser.script("aybEditor.get().setSelection({line: 1, ch: 0}, {line: 1, ch: 16})");
      browser.find(".CodeMirror").click();
      browser.script("aybEditor.get().setSelection({line: 1, ch: 0}, {line: 1, ch: 16})");
      forgetResults(browser);
      new Actions(browser.driver())
          .keyDown(Keys.CONTROL)
          .sendKeys(Keys.ENTER)
          .keyUp(Keys.CONTROL)
          .perform();
      awaitResults(browser);
      assertEquals("two", browser.text("#grid th"));
      runQuery(browser, "SELECT count(*) FROM items;");
      assertEquals("60", browser.text("#grid tbody td"), "the DELETE link deleted nothing");

      // A filter value with a quote is bound, not written into the SQL; a BLOB's size and bytes
      // come from its value (300 bytes: more than the 256 shown in hexadecimal).
      StringBuilder blobHex = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        blobHex.append(String.format("%02X", i % 256));
      }
      runQuery(
          browser,
          "INSERT INTO items (name, price, data) VALUES ('O''Brien', 7, x'" + blobHex + "');");
      browser.open(dbPath + "/items");
      addFilter(browser, "name", "equals", "O'Brien");
      assertEquals("1 row", browser.text("#row-summary").replaceAll(" · .*", ""));
      List<WebElement> obrien =
          browser.driver().findElements(By.cssSelector("#grid tbody tr:first-child td"));
      assertEquals("O'Brien", obrien.get(1).getText());
      assertEquals("7", obrien.get(2).getText().replaceAll("\\.0$", ""));
      assertTrue(obrien.get(2).getAttribute("class").contains("cell-real"), "REAL by storage");
      assertTrue(obrien.get(0).getAttribute("class").contains("cell-integer"));
      assertEquals(
          "<blob: 300 bytes>", obrien.get(3).findElement(By.cssSelector(".cell-value")).getText());
      obrien.get(3).findElement(By.cssSelector(".cell-hex")).click();
      String obrienHex = obrien.get(3).findElement(By.cssSelector(".cell-hex-value")).getText();
      assertTrue(obrienHex.startsWith("00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n10 11"));
      assertTrue(obrienHex.endsWith("F0 F1 F2 F3 F4 F5 F6 F7 F8 F9 FA FB FC FD FE FF"), obrienHex);
      assertEquals(16, obrienHex.split("\n").length, "the first 256 bytes, 16 a line");
      String boundSql =
          (String) browser.script("return document.getElementById('generated-sql').textContent;");
      assertTrue(boundSql.contains("\"name\" = ?") && !boundSql.contains("Brien"), boundSql);
      assertEquals(
          "'O''Brien'",
          browser.script("return document.getElementById('generated-values').textContent;"));
      assertEquals(
          "SELECT * FROM (SELECT * FROM \"items\") WHERE \"name\" = 'O''Brien'",
          browser.script("return document.getElementById('editable-sql').textContent;"),
          "the editor gets the values written in");

      // On a phone the grid scrolls sideways inside itself; the page does not.
      runQuery(browser, "SELECT * FROM items;");
      browser.resize(Browser.PHONE, 844);
      assertTrue(
          (Boolean)
              browser.script(
                  "var g = document.querySelector('.grid-scroll'); return g.scrollWidth > g.clientWidth"
                      + " && document.documentElement.scrollWidth <= window.innerWidth + 1;"));
      browser.capture("18-results-grid");
    }
  }

  @Test
  void aDuckDbDatabaseIsCreatedQueriedAndFilteredInTheBrowser() throws Exception {
    String dora = TestAccounts.unique("dora");
    String dbPath = "/" + dora + "/warehouse.duckdb";
    try (Browser browser = Browser.start(base)) {
      signUp(browser, dora, false);
      followEmailLink(browser, dora);
      click(browser, id("create:toggle"));
      browser.waitFor(d -> browser.present(id("create:slug")));
      browser
          .find(id("create:engine"))
          .findElement(By.xpath(".//*[normalize-space(text())='DuckDB']"))
          .click();
      browser.type(id("create:slug"), "warehouse.duckdb");
      browser.find(id("create:slug")).sendKeys(Keys.ENTER);
      browser.waitFor(d -> browser.path().equals(dbPath));
      browser.settle();

      runQuery(browser, "CREATE TABLE people (id INTEGER, name VARCHAR, score DECIMAL(4,1))");
      runQuery(browser, "INSERT INTO people VALUES (1, 'Ann', 1.5), (2, 'O''Brien', 2.0)");
      assertFalse(browser.present("#export"), "export moves SQLite files only");
      assertFalse(browser.present("#import-form"), "import moves SQLite files only");
      runQuery(browser, "SELECT * FROM people ORDER BY id");
      assertEquals("2 rows", browser.text("#row-summary").replaceAll(" · .*", ""));
      assertEquals("1.5", browser.text("#grid tbody tr:first-child td:nth-child(3)"));

      // The table view: DuckDB daemons take no bound parameters, so the grid writes the filter's
      // value in as a literal; a quote in it still finds its row.
      browser.open(dbPath + "/people");
      assertTrue(browser.text("#row-summary").startsWith("2 rows"), browser.text("#row-summary"));
      addFilter(browser, "name", "equals", "O'Brien");
      assertEquals("1 row", browser.text("#row-summary").replaceAll(" · .*", ""));
      assertEquals("2", browser.text("#grid tbody tr:first-child td"));
      browser.capture("23-duckdb-table-view");
    }
  }

  /**
   * The CSV and JSON of a DuckDB table's grid: its daemons take no bound parameters, so the whole
   * result is read with the filter's value written in, as the grid's page is.
   */
  @Test
  void aDuckDbTableIsDownloadedAsTheGridShowsIt() throws Exception {
    TestAccounts.Account owner = accounts.register("duckfiles");
    String dbPath = "/" + owner.entity() + "/shop.duckdb";
    DatabaseCalls calls = new DatabaseCalls(api);
    HttpResponse<String> created =
        calls.create(owner.bearer(), "/v1" + dbPath, "duckdb", "read-only");
    assertEquals(201, created.statusCode(), created.body());
    calls.queryOrFail(
        owner.bearer(),
        "/v1" + dbPath,
        "CREATE TABLE items (id INTEGER, name VARCHAR, price DECIMAL(4,1));"
            + " INSERT INTO items VALUES (1, 'pen', NULL), (2, 'ink, \"blue\"', 2.5),"
            + " (3, 'pad', 0.5)");
    try (Browser browser = Browser.start(base)) {
      browser.open(dbPath + "/items?_sort_desc=id&id__lte=2");
      assertEquals("2 rows", browser.text("#row-summary").replaceAll(" · .*", ""));

      click(browser, id("tabs:query:download-csv"));
      Path csv = browser.download("query-result-" + owner.entity() + "-shop.duckdb.csv");
      assertEquals("id,name,price\n2,\"ink, \"\"blue\"\"\",2.5\n1,pen,\n", Files.readString(csv));
      click(browser, id("tabs:query:download-json"));
      Path json = browser.download("query-result-" + owner.entity() + "-shop.duckdb.json");
      assertEquals(
          "[[\"2\",\"ink, \\\"blue\\\"\",\"2.5\"],[\"1\",\"pen\",null]]",
          Json.createReader(new StringReader(Files.readString(json)))
              .readObject()
              .getJsonArray("rows")
              .toString());
    }
  }

  /**
   * A download the database refuses (its table dropped after the grid was shown) is said above the
   * grid, which stays as it was: a page, not an error page, and nothing downloaded. On both engines
   * (SQLite's whole result is a bound statement, DuckDB's SQL with the values written in). Said
   * once: the page's other messages (fork, snapshots) show only page-wide ones.
   */
  @Test
  void aRefusedDownloadIsShownOnThePage() throws Exception {
    String entity = TestAccounts.unique("vanished");
    DatabaseCalls calls = new DatabaseCalls(api);
    try (Browser browser = Browser.start(base)) {
      signUp(browser, entity, false);
      followEmailLink(browser, entity);
      TestAccounts.Account owner = accounts.logIn(new TestAccounts.Account(entity, "unused"));
      for (String database : List.of("gone.sqlite", "gone.duckdb")) {
        String dbPath = "/" + entity + "/" + database;
        String type = database.endsWith(".duckdb") ? "duckdb" : "sqlite";
        HttpResponse<String> created =
            calls.create(owner.bearer(), "/v1" + dbPath, type, "no-access");
        assertEquals(201, created.statusCode(), created.body());
        calls.queryOrFail(
            owner.bearer(),
            "/v1" + dbPath,
            "CREATE TABLE vanishing (a INTEGER); INSERT INTO vanishing VALUES (7)");
        browser.open(dbPath + "/vanishing");
        assertEquals("7", browser.text("#grid tbody td"));
        calls.queryOrFail(owner.bearer(), "/v1" + dbPath, "DROP TABLE vanishing");

        WebElement csv = browser.find(id("tabs:query:download-csv"));
        csv.click();
        browser.waitUntilGone(csv);
        browser.settle();
        assertEquals(
            200L,
            browser.script("return performance.getEntriesByType('navigation')[0].responseStatus;"),
            database);
        String message = browser.text(id("tabs:query:download-messages"));
        assertTrue(
            message.contains("Could not download") && message.contains("vanishing"), message);
        assertEquals(1, browser.driver().findElements(By.cssSelector(".ui-messages-error")).size());
        assertEquals("7", browser.text("#grid tbody td"), "the grid stays as it was");
        assertTrue(browser.downloaded().isEmpty(), browser.downloaded().toString());
        if (type.equals("duckdb")) {
          browser.capture("24-download-refused");
        }
      }
    }
  }

  @Test
  void aReaderExportsAndForksAndTheForksOwnerImportsOnTheDatabasePage() throws Exception {
    TestAccounts.Account publisher = accounts.register("ui-publisher");
    String atlas = "/" + publisher.entity() + "/atlas.sqlite";
    DatabaseCalls calls = new DatabaseCalls(api);
    calls.createOrFail(publisher.bearer(), "/v1" + atlas, "read-only");
    calls.queryOrFail(
        publisher.bearer(),
        "/v1" + atlas,
        "CREATE TABLE cities(name TEXT); INSERT INTO cities VALUES ('Oslo'), ('Lima')");
    String forker = TestAccounts.unique("forker");
    String copy = "/" + forker + "/atlas-copy.sqlite";
    try (Browser browser = Browser.start(base)) {
      signUp(browser, forker, false);
      followEmailLink(browser, forker);

      // A reader of someone else's database: export and fork, no import.
      browser.open(atlas);
      assertTrue(browser.present("#export"));
      assertTrue(browser.present(id("transfers:fork")));
      assertFalse(browser.present("#import-form"), "only owners and managers import");
      // The link's download, as this browser's session fetches it.
      HttpResponse<byte[]> download =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(browser.find("#export").getAttribute("href")))
                  .header("Cookie", sessionHeader(browser))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, download.statusCode());
      assertEquals(
          "attachment; filename=\"atlas.sqlite\"",
          download.headers().firstValue("Content-Disposition").orElse(null));
      byte[] header = java.util.Arrays.copyOf(download.body(), 16);
      assertEquals("SQLite format 3\0", new String(header, StandardCharsets.US_ASCII));
      Path exported = Files.createTempFile("atlas", ".sqlite");
      Files.write(exported, download.body());

      browser.type(id("transfers:fork-name"), "atlas-copy.sqlite");
      click(browser, id("transfers:fork"));
      browser.waitFor(d -> browser.path().equals(copy));
      browser.settle();
      assertEquals(
          "Forked from " + publisher.entity() + "/atlas.sqlite", browser.text("#forked-from"));
      assertTrue(browser.text("#schema").contains("2 rows"), browser.text("#schema"));

      // The fork's owner may import: a text file is refused, the exported file is taken.
      runQuery(browser, "DELETE FROM cities");
      Path text = Files.createTempFile("not-a-database", ".txt");
      Files.writeString(text, "name\nOslo\n".repeat(50));
      browser.find("#import-file").sendKeys(text.toString());
      click(browser, "#import");
      browser.waitFor(d -> browser.present("#import-outcome"));
      assertTrue(
          browser.text("#import-outcome").contains("not a SQLite 3 database"),
          browser.text("#import-outcome"));
      browser.find("#import-file").sendKeys(exported.toString());
      click(browser, "#import");
      browser.waitFor(d -> browser.present("#import-outcome"));
      assertTrue(
          browser.text("#import-outcome").startsWith("Imported"), browser.text("#import-outcome"));
      assertTrue(browser.text("#schema").contains("2 rows"), browser.text("#schema"));
      browser.open(copy);
      assertFalse(browser.present("#import-outcome"), "the outcome is shown once");
      Files.deleteIfExists(text);
      Files.deleteIfExists(exported);
    }
  }

  @Test
  void signUpShowsEachProblemOnceNextToItsField() throws Exception {
    try (Browser browser = Browser.start(base)) {
      browser.open("/register");
      click(browser, id("register:submit"));
      browser.waitFor(d -> browser.present(".field-error"));
      assertEquals(
          List.of("Please choose a username.", "Please enter your e-mail address."),
          browser.driver().findElements(By.cssSelector(".field-error")).stream()
              .map(WebElement::getText)
              .toList());
      assertFalse(browser.present(".ui-messages-error"), "no second copy above the form");
      assertTrue(
          browser
              .find(id("register:username"))
              .getAttribute("aria-describedby")
              .contains("register:username-error"));
      browser.capture("02b-register-errors");

      browser.type(id("register:username"), "no spaces allowed");
      browser.type(id("register:email"), "not-an-address");
      browser.find(id("register:email")).sendKeys(Keys.ENTER);
      browser.waitFor(
          d ->
              browser.driver().findElements(By.cssSelector(".field-error")).size() == 2
                  && browser.text(id("register:email-error")).contains("valid e-mail"));
      assertFalse(browser.text(id("register:username-error")).isBlank());

      browser.open("/confirm/not-a-token");
      browser.capture("19-confirm-error");
      browser.open("/log_out");
      browser.capture("20-log-out");
    }
  }

  // ---- security ---------------------------------------------------------------------------------

  /**
   * Attack: a link to a database page with {@code ?sql=} fills the grid on GET with the visitor's
   * session. Text that the page's statement splitter reads as one SELECT but DuckDB as three (an
   * escape string {@code E'\''}, or a parenthesis closing the grid's wrapper) must not write with
   * the visitor's access, on DuckDB or SQLite.
   */
  @Test
  void aSharedLinkNeverWritesWithTheVisitorsAccess() throws Exception {
    TestAccounts.Account owner = accounts.register("linked");
    DatabaseCalls calls = new DatabaseCalls(api);
    org.aybdb.interfaces.rest.OAuthFlow visitor =
        new org.aybdb.interfaces.rest.OAuthFlow(url).logIn(accounts, owner.entity());
    for (String database : List.of("d.duckdb", "s.sqlite")) {
      String path = "/v1/" + owner.entity() + "/" + database;
      HttpResponse<String> created =
          api.send(
              calls
                  .authorized(path + "/create", owner.bearer())
                  .header("db-type", database.endsWith(".duckdb") ? "duckdb" : "sqlite")
                  .header("public-sharing-level", "no-access")
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertEquals(201, created.statusCode(), created.body());
      calls.queryOrFail(
          owner.bearer(), path, "CREATE TABLE t(a INTEGER); INSERT INTO t VALUES (1)");
      for (String sql :
          List.of(
              "SELECT E'\\'' AS a) ; DROP TABLE t; SELECT * FROM (SELECT 'x' AS b",
              "SELECT 1 AS a) ; DROP TABLE t; SELECT * FROM (SELECT 1 AS b",
              "SELECT 1 AS a) ; INSERT INTO t VALUES (2); SELECT * FROM (SELECT 1 AS b")) {
        HttpResponse<String> page =
            visitor.get(
                "/"
                    + owner.entity()
                    + "/"
                    + database
                    + "?sql="
                    + java.net.URLEncoder.encode(sql, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(
            "{\"fields\":[\"n\"],\"rows\":[[\"1\"]]}",
            calls.queryOrFail(owner.bearer(), path, "SELECT count(*) AS n FROM t").body(),
            database + " after a visit to ?sql=" + sql);
      }
      // A link with a plain read still shows its rows.
      HttpResponse<String> read =
          visitor.get("/" + owner.entity() + "/" + database + "?sql=SELECT%20a%20FROM%20t");
      assertEquals(200, read.statusCode(), read.body());
      assertTrue(read.body().contains("1 row"), read.body());
    }
  }

  @Test
  void forgedOrTamperedSessionCookiesLogNobodyIn() throws Exception {
    String carol = TestAccounts.unique("carol");
    try (Browser browser = Browser.start(base)) {
      signUp(browser, carol, false);
      followEmailLink(browser, carol);
      String session = sessionCookie(browser);
      assertEquals(200, get("/settings/tokens", "JSESSIONID=" + session).statusCode());

      String tampered =
          session.substring(0, session.length() - 1) + (session.endsWith("0") ? "1" : "0");
      for (String cookie :
          List.of(
              "JSESSIONID=" + tampered,
              "JSESSIONID=" + session.toUpperCase(Locale.ROOT) + "x",
              "auth=" + carol + ":ayb_forged_token",
              "JSESSIONID=forged; auth=" + carol + ":ayb_forged_token")) {
        HttpResponse<String> page = get("/settings/tokens", cookie);
        assertEquals(302, page.statusCode(), cookie);
        assertTrue(page.headers().firstValue("Location").orElse("").contains("/log_in"), cookie);
        HttpResponse<String> entity = get("/" + carol, cookie);
        assertEquals(200, entity.statusCode());
        assertFalse(entity.body().contains("id=\"nav-profile\""), cookie);
        assertFalse(entity.body().contains("Edit profile"), cookie);
      }

      // The same in the browser: swapping the cookie for a forged one logs the browser out.
      browser.driver().manage().deleteCookieNamed("JSESSIONID");
      browser.driver().manage().addCookie(new Cookie("JSESSIONID", tampered, "/"));
      browser.driver().manage().addCookie(new Cookie("auth", carol + ":ayb_forged_token", "/"));
      browser.open("/" + carol);
      assertTrue(browser.present("#nav-login"));
      assertFalse(browser.present(id("profile:edit")));
    }
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
    HttpResponse<String> page = get("/register", null);
    assertEquals(200, page.statusCode());
    String setCookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
    String attributes = setCookie.toLowerCase(Locale.ROOT);
    assertTrue(attributes.contains("; httponly"), setCookie);
    assertTrue(attributes.contains("samesite=lax"), setCookie);
    assertFalse(attributes.contains("secure"), "not Secure over plain HTTP: " + setCookie);
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void crossSiteFormPostsAreRefused() throws Exception {
    String dave = TestAccounts.unique("dave");
    HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String target = base + "/" + dave;
    attacker.createContext(
        "/",
        exchange -> {
          byte[] page =
              ("<!DOCTYPE html><html><body><form id='f' method='post' action='"
                      + target
                      + "'><input name='create' value='create'>"
                      + "<input name='create:slug' value='evil'>"
                      + "<input name='create:create-database-submit' value=''>"
                      + "<input name='jakarta.faces.ViewState' value='stolen'></form>"
                      + "<script>document.getElementById('f').submit()</script></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    attacker.start();
    try (Browser browser = Browser.start(base)) {
      signUp(browser, dave, false);
      followEmailLink(browser, dave);
      String session = sessionCookie(browser);

      // Another origin (here another port of the same host: same-site, so SameSite=Lax alone
      // would let the cookie through) posts a form at dave's page in dave's browser.
      browser.driver().get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
      browser.waitFor(d -> d.getPageSource().contains("Refused"));
      assertTrue(browser.driver().getPageSource().contains("this form was sent from another site"));

      // Without browser headers, a post with the victim's cookie still lacks the view state.
      HttpResponse<String> forged =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(target))
                  .header("Cookie", "JSESSIONID=" + session)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "create=create&create%3Aslug=evil2&create%3Acreate-database-submit="
                              + "&jakarta.faces.ViewState=-123%3A456"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(400, forged.statusCode(), forged.body());
      assertTrue(forged.body().contains("This page has expired"), forged.body());

      browser.open("/" + dave);
      assertTrue(browser.present("#no-databases"), "no database was created");
      browser.open("/" + dave + "/evil");
      assertTrue(browser.present("#not-found"));
      browser.open("/" + dave + "/evil2");
      assertTrue(browser.present("#not-found"));
    } finally {
      attacker.stop(0);
    }
  }

  @Test
  void pagesAndApiShareTheRootWithoutStepping() throws Exception {
    assertEquals(200, get("/", null).statusCode());
    assertEquals(200, get("/log_in", null).statusCode());
    assertTrue(
        get("/health", null).headers().firstValue("Content-Type").orElse("").contains("json"));
    HttpResponse<String> api = get("/v1/nobody-here/details", null);
    assertTrue(api.body().startsWith("{"), api.body());
    assertEquals(404, get("/static/entity.xhtml", null).statusCode(), "views only via their paths");
    assertEquals(404, get("/nobody-" + System.nanoTime(), null).statusCode());
    assertEquals(404, get("/nobody/db-" + System.nanoTime(), null).statusCode());
    HttpResponse<String> expired = get("/confirm/not-a-token", null);
    assertEquals(400, expired.statusCode());
    assertTrue(expired.body().contains("Invalid or expired confirmation link"));
    assertEquals(200, get("/static/jakarta.faces.resource/ayb/ayb.css", null).statusCode());
    String css = get("/static/jakarta.faces.resource/ayb/ayb.css", null).body();
    assertTrue(css.contains("prefers-color-scheme: dark"), "dark mode follows the system");
  }

  // ---- creating API tokens ----------------------------------------------------------------------

  @Test
  void tokensPageCreatesFullAndScopedTokensShownOnce() throws Exception {
    String fay = TestAccounts.unique("fay");
    DatabaseCalls calls = new DatabaseCalls(api);
    try (Browser browser = Browser.start(base)) {
      signUp(browser, fay, false);
      followEmailLink(browser, fay);
      browser.open("/settings/tokens");

      // A full-access token, named, never expiring; Enter in the name field creates it.
      browser.type(id("new-token:name"), "laptop CLI");
      browser.find(id("new-token:name")).sendKeys(Keys.ENTER);
      browser.waitFor(d -> browser.present("#new-token-secret"));
      String full = "Bearer " + browser.find("#new-token-secret").getAttribute("value");
      assertTrue(full.startsWith("Bearer ayb_"), full);
      assertTrue(browser.text("#client-example").contains(" list " + fay));
      assertTrue(browser.text("#curl-example").contains("/v1/entity/" + fay));
      calls.createOrFail(full, "/v1/" + fay + "/a.sqlite", "no-access");
      calls.createOrFail(full, "/v1/" + fay + "/b.sqlite", "no-access");
      calls.queryOrFail(
          full, "/v1/" + fay + "/a.sqlite", "CREATE TABLE t (x); INSERT INTO t VALUES (1)");

      // Limited to a.sqlite, read-only, for 30 days: exactly what an app's token may do.
      browser.open("/settings/tokens");
      assertFalse(browser.present("#new-token-secret"), "the secret is shown once only");
      browser.type(id("new-token:name"), "dashboard");
      new Select(browser.find(id("new-token:database"))).selectByValue(fay + "/a.sqlite");
      new Select(browser.find(id("new-token:level"))).selectByValue("read-only");
      new Select(browser.find(id("new-token:expiry"))).selectByValue("30");
      click(browser, id("new-token:create"));
      browser.waitFor(d -> browser.present("#new-token-secret"));
      browser.capture("11b-new-token");
      String scoped = "Bearer " + browser.find("#new-token-secret").getAttribute("value");
      String curl = browser.text("#curl-example");
      assertTrue(curl.contains("/v1/" + fay + "/a.sqlite/query") && curl.contains(scoped), curl);
      assertTrue(browser.text("#client-example").contains(" query " + fay + "/a.sqlite "));
      String row = browser.text("tr.token-row-" + scoped.split("_")[1]);
      assertTrue(row.contains("dashboard") && row.contains(fay + "/a.sqlite"), row);
      String expiry = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
      assertTrue(row.contains("read-only") && row.contains(expiry), row);

      String a = "/v1/" + fay + "/a.sqlite";
      assertTrue(calls.queryOrFail(scoped, a, "SELECT x FROM t").body().contains("1"));
      assertNotEquals(200, calls.query(scoped, a, "INSERT INTO t VALUES (2)").statusCode());
      assertNotEquals(
          200, calls.query(scoped, "/v1/" + fay + "/b.sqlite", "SELECT 1").statusCode());
      assertNotEquals(
          201, calls.create(scoped, "/v1/" + fay + "/c.sqlite", "sqlite", null).statusCode());
      HttpResponse<String> listed =
          api.send(api.request("/v1/tokens").header("Authorization", scoped));
      assertEquals(200, listed.statusCode());
      assertTrue(listed.body().contains("dashboard") && !listed.body().contains("laptop CLI"));

      // Done forgets the secret.
      click(browser, id("new-token:done"));
      browser.waitFor(d -> !browser.present("#new-token-secret"));

      // Its use shows as "Last used" (written off the request's thread, once a minute at most).
      browser.waitFor(
          d -> {
            browser.open("/settings/tokens");
            return !browser
                .text("tr.token-row-" + scoped.split("_")[1] + " td:nth-child(6)")
                .contains("Never");
          });

      // A blank name is refused with a message, nothing created.
      int before = browser.driver().findElements(By.cssSelector(".tokens-table tbody tr")).size();
      click(browser, id("new-token:create"));
      browser.waitFor(d -> browser.text(id("new-token:new-messages")).contains("name"));
      assertFalse(browser.present("#new-token-secret"));
      assertEquals(
          before, browser.driver().findElements(By.cssSelector(".tokens-table tbody tr")).size());
    }
  }

  // ---- static resources -------------------------------------------------------------------------

  @Test
  void staticResourcesAreGzippedAndVersionedByContent() throws Exception {
    TestAccounts.Account gil = accounts.register("gil");
    String page = "/" + gil.entity() + "/open.sqlite";
    new DatabaseCalls(api).createOrFail(gil.bearer(), "/v1" + page, "read-only");
    String html = get(page, null).body();
    java.util.regex.Matcher urls =
        java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]*jakarta\\.faces\\.resource[^\"]*)\"")
            .matcher(html);
    long raw = 0;
    long sent = 0;
    int resources = 0;
    while (urls.find()) {
      String path = urls.group(1).replace("&amp;", "&");
      assertTrue(path.matches(".*[?&]v=[^&]+.*"), "a cache-busting version on " + path);
      HttpResponse<byte[]> plain = getBytes(path, "identity");
      HttpResponse<byte[]> gzipped = getBytes(path, "gzip, deflate, br");
      assertEquals(200, plain.statusCode(), path);
      assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path);
      if (plain.body().length >= 1024) {
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), path);
        try (java.util.zip.GZIPInputStream in =
            new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
          assertTrue(java.util.Arrays.equals(plain.body(), in.readAllBytes()), path);
        }
      }
      assertEquals(
          String.valueOf(gzipped.body().length),
          gzipped.headers().firstValue("Content-Length").orElse(""),
          path);
      raw += plain.body().length;
      sent += gzipped.body().length;
      resources++;
    }
    assertTrue(resources >= 8, html);
    System.out.printf(
        "database page resources: %d files, %d bytes uncompressed, %d bytes gzipped (%.0f%%)%n",
        resources, raw, sent, 100.0 * sent / raw);
    assertTrue(sent * 3 < raw, "gzip sends under a third: " + sent + " of " + raw);
  }

  @Test
  void pagesAreGzippedWhenTheClientAcceptsIt() throws Exception {
    TestAccounts.Account ned = accounts.register("ned");
    String page = "/" + ned.entity() + "/open.sqlite";
    new DatabaseCalls(api).createOrFail(ned.bearer(), "/v1" + page, "read-only");
    for (String path : List.of("/", "/register", "/" + ned.entity(), page)) {
      HttpResponse<byte[]> plain = getBytes(path, "identity");
      HttpResponse<byte[]> gzipped = getBytes(path, "gzip, deflate, br");
      assertEquals(200, gzipped.statusCode(), path);
      assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path);
      assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), path);
      assertTrue(gzipped.headers().allValues("Vary").toString().contains("Accept-Encoding"), path);
      assertEquals(
          String.valueOf(gzipped.body().length),
          gzipped.headers().firstValue("Content-Length").orElse(""),
          path);
      String html;
      try (java.util.zip.GZIPInputStream in =
          new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("</html>"), path);
      String plainHtml = new String(plain.body(), StandardCharsets.UTF_8);
      assertEquals(title(plainHtml), title(html), path);
      assertTrue(gzipped.body().length * 2 < plain.body().length, path + ": under half");
      System.out.printf(
          "page %s: %d bytes, %d gzipped%n", path, plain.body().length, gzipped.body().length);
    }
    // An anonymous visitor of the public database has no history or saved queries on the server.
    String anonymous = new String(getBytes(page, "identity").body(), StandardCharsets.UTF_8);
    assertTrue(anonymous.contains("id=\"tabs:query:sql\""), "the editor is there");
    assertFalse(anonymous.contains("saved-queries") || anonymous.contains("id=\"history\""));
    // A 404 page and a redirect are still answered as such.
    assertEquals(404, getBytes("/nobody-" + System.nanoTime(), "gzip").statusCode());
    assertEquals(302, getBytes("/settings/tokens", "gzip").statusCode());
  }

  private static String title(String html) {
    return html.replaceAll("(?s).*<title>(.*?)</title>.*", "$1");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private void signUp(Browser browser, String entity, boolean screenshot) throws IOException {
    browser.open("/register");
    assertEquals("Create account - ayb", browser.driver().getTitle());
    browser.type(id("register:username"), entity);
    browser.type(id("register:email"), address(entity));
    if (screenshot) {
      browser.capture("02-register");
    }
    click(browser, id("register:submit"));
    browser.waitFor(d -> browser.present("#sent"));
    assertTrue(browser.text("#sent").contains("Please check your email"));
  }

  /** Signs a new user up in the browser and creates a database with the form; its page is open. */
  private void signUpWithDatabase(Browser browser, String entity, String database)
      throws IOException {
    signUp(browser, entity, false);
    followEmailLink(browser, entity);
    click(browser, id("create:toggle"));
    browser.waitFor(d -> browser.present(id("create:slug")));
    browser.type(id("create:slug"), database);
    browser.find(id("create:slug")).sendKeys(Keys.ENTER);
    browser.waitFor(d -> browser.path().equals("/" + entity + "/" + database));
    browser.settle();
  }

  /** Opens the link of the newest e-mail to the entity, on the server under test. */
  private void followEmailLink(Browser browser, String entity) throws IOException {
    Path log =
        Path.of(Objects.requireNonNull(System.getenv("AYB__DATA_PATH"), "AYB__DATA_PATH"))
            .resolve("emails.jsonl");
    String link = null;
    for (String line : Files.readAllLines(log)) {
      JsonObject message = Json.createReader(new StringReader(line)).readObject();
      if (message.getString("to").equals(address(entity))) {
        link =
            message.getJsonArray("content").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .filter(text -> text.startsWith("\t") && text.contains("/confirm/"))
                .map(String::strip)
                .findFirst()
                .orElse(null);
      }
    }
    assertNotNull(link, "no confirmation link mailed to " + address(entity));
    // The link is built from public_url; the server under test listens elsewhere.
    browser.open(URI.create(link).getRawPath());
    // Opening the link only asks; the "Confirm" button (a POST) logs in.
    assertEquals(entity, browser.text("#confirm-entity"));
    WebElement confirm = browser.find(id("confirm:submit"));
    confirm.click();
    // The POST replaces the page; the next step needs its answer (the session logged in), and the
    // old page reads as settled until the new one comes.
    browser.waitUntilGone(confirm);
    browser.settle();
  }

  private static String address(String entity) {
    return entity + "@example.org";
  }

  private static String sessionCookie(Browser browser) {
    Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
    assertNotNull(cookie, "no session cookie");
    assertTrue(cookie.isHttpOnly());
    return cookie.getValue();
  }

  /** Refreshes the snapshots tab until it lists a snapshot whose id is not in {@code known}. */
  private static String awaitSnapshotOtherThan(Browser browser, Set<String> known) {
    // Every database of the it-snapshots execution is snapshotted in turn (about a second each),
    // so the other snapshot ITs' databases may come before this one. An upper bound, not a wait.
    return browser.waitFor(
        d -> {
          click(browser, id("tabs:snapshots:refresh"));
          return d.findElements(By.cssSelector("code.snapshot-id")).stream()
              .map(code -> code.getAttribute("title"))
              .filter(id -> !known.contains(id))
              .findFirst()
              .orElse(null);
        },
        Duration.ofMinutes(3),
        // Each check asks the server to list the snapshots again: not more often than runs come.
        Duration.ofMillis(500));
  }

  /** Types SQL into the editor with the keyboard and runs it with the button. */
  private static void typeAndRun(Browser browser, String sql) {
    browser.script("aybEditor.get().setValue('')");
    browser.find(".CodeMirror").click();
    new Actions(browser.driver()).sendKeys(sql).perform();
    forgetResults(browser);
    browser.find(id("tabs:query:run")).click();
    awaitResults(browser);
  }

  /** Puts SQL in the editor and runs it with Ctrl-Enter, waiting for the results. */
  private static void runQuery(Browser browser, String sql) {
    browser.script("aybEditor.get().setValue(arguments[0])", sql);
    browser.find(".CodeMirror").click();
    forgetResults(browser);
    new Actions(browser.driver())
        .keyDown(Keys.CONTROL)
        .sendKeys(Keys.ENTER)
        .keyUp(Keys.CONTROL)
        .perform();
    awaitResults(browser);
  }

  /** Removes the shown results, so that the next ones are recognized when they arrive. */
  /** Adds a grid filter through its form, Enter in the value field. */
  private static void addFilter(Browser browser, String column, String operator, String value) {
    new org.openqa.selenium.support.ui.Select(browser.find(id("tabs:query:filter-column")))
        .selectByVisibleText(column);
    new org.openqa.selenium.support.ui.Select(browser.find(id("tabs:query:filter-operator")))
        .selectByVisibleText(operator);
    browser.find(id("tabs:query:filter-value")).sendKeys(value, Keys.ENTER);
    browser.waitFor(d -> browser.present(".filter-chip"));
    browser.settle();
  }

  private static void forgetResults(Browser browser) {
    browser.script(
        "document.querySelectorAll('#row-summary, #query-error, #no-results')"
            + ".forEach(e => e.remove());");
  }

  private static void awaitResults(Browser browser) {
    browser.waitFor(d -> browser.present("#row-summary") || browser.present("#query-error"));
    browser.settle();
    browser.waitFor(d -> !browser.present(".run-button.ui-state-loading, .run-button:disabled"));
  }

  private static void click(Browser browser, String css) {
    browser.find(css).click();
    browser.settle();
  }

  private static String id(String clientId) {
    return "[id='" + clientId + "']";
  }

  private static String sessionHeader(Browser browser) {
    return "JSESSIONID=" + sessionCookie(browser);
  }

  private HttpResponse<byte[]> getBytes(String path, String acceptEncoding) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(base + path.replaceFirst("^" + url.getPath().replaceAll("/$", ""), "")))
            .header("Accept-Encoding", acceptEncoding)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
