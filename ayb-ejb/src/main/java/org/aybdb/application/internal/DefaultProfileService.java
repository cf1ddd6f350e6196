package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.AccessPolicy;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ClientJson;
import org.aybdb.application.EntityProfile;
import org.aybdb.application.ErrorType;
import org.aybdb.application.ProfileService;
import org.aybdb.application.ProfileUpdate;
import org.aybdb.application.ProfileUpdate.Field;
import org.aybdb.application.port.LinkVerification;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.account.ProfileLink;
import org.aybdb.domain.model.database.HostedDatabase;

/**
 * {@link ProfileService}. Links are checked and verified before the metadata store is touched, so
 * slow pages never hold a database connection.
 */
@Stateless
public class DefaultProfileService implements ProfileService {

  static final String EMPTY_UPDATE =
      "No fields provided to update. Please specify at least one field to update.";

  /** The most links a profile may have: each one is fetched on every update. */
  static final int MAX_LINKS = 20;

  static final String BAD_LINKS =
      "Failed to parse links: expected a JSON array of {\"url\": \"...\"} objects";

  @Inject AybConfiguration configuration;
  @Inject AccountRepository accounts;
  @Inject AccessPolicy access;
  @Inject LinkVerification linkVerifier;
  @Inject LinkFetchThrottle linkFetches;

  @Override
  public EntityProfile profile(String entity, Optional<Caller> caller) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(caller, "caller");
    Account account =
        accounts.find(entity).orElseThrow(() -> AybException.recordNotFound(entity, "entity"));
    List<EntityProfile.DatabaseSummary> visible =
        access.discoverable(caller, account).stream().map(DefaultProfileService::summary).toList();
    return new EntityProfile(
        account.slug(),
        account.displayName(),
        account.description(),
        account.organization(),
        account.location(),
        ProfileLink.fromJson(account.links()),
        visible,
        caller.map(Caller::entityId).filter(account.id()::equals).isPresent());
  }

  @Override
  public void update(Caller caller, String entity, ProfileUpdate update) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(update, "update");
    // A token an app got through OAuth queries one database and changes nothing else.
    if (!entity.equals(caller.slug()) || caller.scopedDatabaseId().isPresent()) {
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.FORBIDDEN,
          "Authenticated entity " + caller.slug() + " can't update the profile of " + entity);
    }
    if (update.isEmpty()) {
      throw new AybException(
          ErrorType.EmptyUpdateError, AybException.Kind.INVALID_INPUT, EMPTY_UPDATE);
    }
    for (Field field : Field.values()) {
      String value = update.changes(field) ? update.value(field) : null;
      if (value != null && !isStorableText(value)) {
        throw AybException.badRequest(
            "The "
                + field.key()
                + " must not contain NUL characters or unpaired UTF-16 surrogates");
      }
      if (value != null && value.codePointCount(0, value.length()) > field.maxLength()) {
        throw AybException.badRequest(
            "The "
                + field.key()
                + " can be at most "
                + field.maxLength()
                + " characters long, but this one has "
                + value.codePointCount(0, value.length()));
      }
    }
    String links = null;
    if (update.changes(Field.LINKS) && update.value(Field.LINKS) != null) {
      List<String> urls = linkUrls(update.value(Field.LINKS), configuration.http().jsonMaxDepth());
      linkFetches.admit(caller.slug(), urls.size());
      List<ProfileLink> verified =
          linkVerifier.verify(urls, configuration.publicBaseUrl() + "/" + caller.slug());
      links = ProfileLink.toJson(verified);
    }

    Account account = accounts.find(caller.slug()).orElseThrow();
    if (update.changes(Field.DISPLAY_NAME)) {
      account.setDisplayName(update.value(Field.DISPLAY_NAME));
    }
    if (update.changes(Field.DESCRIPTION)) {
      account.setDescription(update.value(Field.DESCRIPTION));
    }
    if (update.changes(Field.ORGANIZATION)) {
      account.setOrganization(update.value(Field.ORGANIZATION));
    }
    if (update.changes(Field.LOCATION)) {
      account.setLocation(update.value(Field.LOCATION));
    }
    if (update.changes(Field.LINKS)) {
      account.setLinks(links);
    }
  }

  /**
   * Whether both metadata stores keep {@code text} as it is: PostgreSQL refuses NUL in text and
   * would store an unpaired surrogate as {@code ?}; SQLite would keep either, so neither is
   * allowed.
   */
  static boolean isStorableText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The URLs of ayb's links value, a JSON text holding {@code [{"url": "..."}, ...]}. */
  static List<String> linkUrls(String json, int maxDepth) {
    JsonValue value;
    try {
      value = ClientJson.read(json, maxDepth);
    } catch (JsonException e) {
      throw AybException.badRequest(BAD_LINKS);
    }
    if (!(value instanceof JsonArray array)) {
      throw AybException.badRequest(BAD_LINKS);
    }
    if (array.size() > MAX_LINKS) {
      throw AybException.badRequest(
          "A profile can have at most " + MAX_LINKS + " links, not " + array.size());
    }
    List<String> urls = new ArrayList<>();
    for (JsonValue element : array) {
      if (!(element instanceof JsonObject link) || !(link.get("url") instanceof JsonString url)) {
        throw AybException.badRequest(BAD_LINKS);
      }
      ProfileLink.urlProblem(url.getString())
          .ifPresent(
              problem -> {
                throw AybException.badRequest("Failed to parse URL: " + problem);
              });
      urls.add(url.getString());
    }
    return urls;
  }

  private static EntityProfile.DatabaseSummary summary(HostedDatabase database) {
    return new EntityProfile.DatabaseSummary(database.slug(), database.type().word());
  }
}
