package org.aybdb.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UiRoutesTest {

  private static UiRoutes.Route route(String path) {
    return UiRoutes.route(path).orElseThrow(() -> new AssertionError("no route for " + path));
  }

  @Test
  void fixedPages() {
    assertEquals("/home.xhtml", route("/").viewId());
    assertEquals("/home.xhtml", route("").viewId());
    assertEquals("/register.xhtml", route("/register").viewId());
    assertEquals("/register.xhtml", route("/register/").viewId());
    assertEquals("/log_in.xhtml", route("/log_in").viewId());
    assertEquals("/log_out.xhtml", route("/log_out").viewId());
    assertEquals("/tokens.xhtml", route("/settings/tokens").viewId());
    assertEquals("/authorize.xhtml", route("/oauth/authorize").viewId());
    assertTrue(UiRoutes.route("/oauth/other").isEmpty(), "the rest of /oauth is no page");
    assertEquals("/static/register.xhtml", route("/register").facesPath());
  }

  @Test
  void confirmationTokenIsPercentDecoded() {
    UiRoutes.Route confirm = route("/confirm/gAAAAABk_x-y%3D%3D");
    assertEquals("/confirm.xhtml", confirm.viewId());
    assertEquals(Map.of(UiRoutes.TOKEN, "gAAAAABk_x-y=="), confirm.attributes());
    assertEquals("a+b", route("/confirm/a+b").attributes().get(UiRoutes.TOKEN));
  }

  @Test
  void entityAndDatabasePagesLowerCaseTheirSlugs() {
    assertEquals(
        new UiRoutes.Route("/entity.xhtml", Map.of(UiRoutes.ENTITY, "alice")), route("/Alice"));
    assertEquals(
        new UiRoutes.Route(
            "/database.xhtml", Map.of(UiRoutes.ENTITY, "alice", UiRoutes.DATABASE, "notes.sqlite")),
        route("/alice/Notes.sqlite"));
  }

  @Test
  void aTableViewKeepsTheTableNameAsWritten() {
    assertEquals(
        new UiRoutes.Route(
            "/database.xhtml",
            Map.of(
                UiRoutes.ENTITY,
                "alice",
                UiRoutes.DATABASE,
                "notes.sqlite",
                UiRoutes.TABLE,
                "My \"Notes\"")),
        route("/alice/Notes.sqlite/My%20%22Notes%22"));
  }

  @Test
  void theApiAndTheServerOwnPathsAreNoPages() {
    for (String path :
        new String[] {
          "/v1/register",
          "/v1/alice/db/query",
          "/health",
          "/health/ready",
          "/metrics",
          "/static/jakarta.faces.resource/ayb/ayb.css",
          "/favicon.ico",
          "/HEALTH",
          "/alice/db/table/extra",
          "/alice/..",
          "/./db",
          "/alice/no%20spaces",
          "/bad%zz",
          "//double",
          "relative"
        }) {
      assertEquals(Optional.empty(), UiRoutes.route(path), path);
    }
  }

  @Test
  void onlyLocalPathsAreRememberedForAfterLogIn() {
    assertTrue(UiSession.isLocalPath("/alice/db"));
    assertFalse(UiSession.isLocalPath("//evil.example/"));
    assertFalse(UiSession.isLocalPath("https://evil.example/"));
    assertFalse(UiSession.isLocalPath("/\\evil.example"));
    assertFalse(UiSession.isLocalPath("/a\nb"));
    assertFalse(UiSession.isLocalPath(null));
  }

  @Test
  void originsOfUrls() {
    assertEquals("https://ayb.example.com", UiRoutingFilter.origin("https://AYB.example.com/x"));
    assertEquals("http://127.0.0.1:5433", UiRoutingFilter.origin("http://127.0.0.1:5433"));
    assertEquals("", UiRoutingFilter.origin("not a url"));
  }
}
