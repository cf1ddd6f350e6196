package org.aybdb.domain.model.account;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A link on an entity's profile. It is <em>verified</em> when it is an https page that links back
 * to the entity's profile with {@code rel="me"}, which shows that whoever controls the page also
 * controls the entity. Stored as ayb's JSON array {@code [{"url":...,"verified":...}]}.
 */
public record ProfileLink(String url, boolean verified) {

  // Looked up once: Json.createReader() would search the class path on every call.
  private static final JsonProvider JSON = JsonProvider.provider();

  public ProfileLink {
    Objects.requireNonNull(url, "url");
  }

  /** The links stored in an entity's {@code links} column; none for null. */
  public static List<ProfileLink> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(link -> new ProfileLink(link.getString("url"), link.getBoolean("verified", false)))
          .toList();
    }
  }

  /**
   * Why {@code url} is not an absolute URL, in the words of the {@code url} crate ayb uses, or
   * empty if it is one.
   */
  public static Optional<String> urlProblem(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // "https://" has nothing where the host belongs.
      return Optional.of(
          e.getReason().equals("Expected authority")
              ? "empty host"
              : e.getReason().toLowerCase(Locale.ROOT));
    }
    if (uri.getScheme() == null) {
      return Optional.of("relative URL without a base");
    }
    boolean web =
        uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https");
    if (web && (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty())) {
      return Optional.of("empty host");
    }
    return Optional.empty();
  }

  /** The stored form of {@code links}. */
  public static String toJson(List<ProfileLink> links) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (ProfileLink link : links) {
      array.add(JSON.createObjectBuilder().add("url", link.url()).add("verified", link.verified()));
    }
    return array.build().toString();
  }
}
