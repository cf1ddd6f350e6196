package org.aybdb.infrastructure.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.aybdb.domain.model.account.ProfileLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileLinkVerifierTest {

  private static final String PROFILE = "https://ayb.example.com/ada";

  /** Serves pages from a map and records what was fetched. */
  static final class FakeFetcher implements PageFetcher {
    final Map<String, CompletableFuture<Optional<String>>> pages = new HashMap<>();
    final List<URI> fetched = new ArrayList<>();

    @Override
    public CompletableFuture<Optional<String>> fetch(URI uri) {
      fetched.add(uri);
      return pages.getOrDefault(
          uri.toString(), CompletableFuture.completedFuture(Optional.empty()));
    }

    void page(String url, String html) {
      pages.put(url, CompletableFuture.completedFuture(Optional.of(html)));
    }
  }

  private final FakeFetcher fetcher = new FakeFetcher();
  private final ProfileLinkVerifier verifier = new ProfileLinkVerifier(fetcher);

  @Test
  void anHttpsPageThatLinksBackWithRelMeIsVerified() {
    fetcher.page(
        "https://ada.example.org/about",
        "<html><body><p>Me elsewhere: <a rel=\"me\" href=\"https://ayb.example.com/ada\">ayb</a>");
    assertEquals(
        List.of(new ProfileLink("https://ada.example.org/about", true)),
        verifier.verify(List.of("https://ada.example.org/about"), PROFILE));
  }

  @Test
  void httpLinksAreNeverVerifiedNorFetched() {
    fetcher.page("http://ada.example.org/", "<a rel=\"me\" href=\"https://ayb.example.com/ada\">");
    assertEquals(
        List.of(new ProfileLink("http://ada.example.org/", false)),
        verifier.verify(List.of("http://ada.example.org/"), PROFILE));
    assertEquals(List.of(), fetcher.fetched);
  }

  @Test
  void unreachableOrFailingPagesAreUnverifiedButKeptInOrder() {
    fetcher.pages.put(
        "https://broken.example.org/",
        CompletableFuture.failedFuture(new IllegalStateException("boom")));
    fetcher.page("https://good.example.org/", "<a href='https://ayb.example.com/ada' rel='me'>");
    List<String> urls =
        List.of(
            "https://unreachable.example.org/",
            "https://broken.example.org/",
            "mailto:ada@example.org",
            "https://good.example.org/");
    assertEquals(
        List.of(
            new ProfileLink("https://unreachable.example.org/", false),
            new ProfileLink("https://broken.example.org/", false),
            new ProfileLink("mailto:ada@example.org", false),
            new ProfileLink("https://good.example.org/", true)),
        verifier.verify(urls, PROFILE));
    assertEquals(3, fetcher.fetched.size(), fetcher.fetched.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<a rel=\"me\" href=\"https://ayb.example.com/ada\">",
        "<a href=\"https://ayb.example.com/ada\" rel=\"me\">",
        "<A REL=\"ME\" HREF=\"https://ayb.example.com/ada\">",
        "<a rel=me href=https://ayb.example.com/ada>",
        "<a rel='noopener me' href='https://ayb.example.com/ada'>",
        "<a class=\"x\"\n   rel=\"me nofollow\"\n   href=\"https://ayb.example.com/ada\"\n>",
        "<a href=\"https://other.example/\">x</a><a rel=\"me\" href=\"https://ayb.example.com/ada\">",
        "<a rel=\"Me\" href=\"https://ayb.example.com/ada\"/>",
      })
  void relMeLinksBack(String html) {
    assertTrue(ProfileLinkVerifier.linksBack("<p>" + html + "</p>", PROFILE), html);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<a href=\"https://ayb.example.com/ada\">",
        "<a rel=\"nofollow\" href=\"https://ayb.example.com/ada\">",
        "<a rel=\"me\" href=\"https://ayb.example.com/ada/\">",
        "<a rel=\"me\" href=\"https://ayb.example.com/Ada\">",
        "<a rel=\"me\" href=\"http://ayb.example.com/ada\">",
        "<a rel=\"me\" href=\"https://ayb.example.com/adam\">",
        "<link rel=\"me\" href=\"https://ayb.example.com/ada\">",
        "<abbr rel=\"me\" href=\"https://ayb.example.com/ada\">",
        "<a rel=\"mention\" href=\"https://ayb.example.com/ada\">",
        "<a data-rel=\"me\" href=\"https://ayb.example.com/ada\">",
        "https://ayb.example.com/ada rel=me",
        "",
      })
  void anythingElseDoesNot(String html) {
    assertFalse(ProfileLinkVerifier.linksBack(html, PROFILE), html);
  }

  @Test
  void characterReferencesInTheHrefAreDecoded() {
    assertTrue(
        ProfileLinkVerifier.linksBack(
            "<a rel=\"me\" href=\"https://ayb.example.com/a?x=1&amp;y=2\">",
            "https://ayb.example.com/a?x=1&y=2"));
  }
}
