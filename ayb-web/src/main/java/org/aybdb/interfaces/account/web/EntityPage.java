package org.aybdb.interfaces.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.EntityProfile;
import org.aybdb.application.EntityUsage;
import org.aybdb.application.ProfileService;
import org.aybdb.application.ProfileUpdate;
import org.aybdb.application.QuotaService;
import org.aybdb.domain.model.account.ProfileLink;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.UiRoutes;
import org.aybdb.interfaces.web.Visitor;

/**
 * {@code /<entity>}: the profile card (editable in place by the entity itself) and the databases
 * the visitor may discover.
 */
@Named
@ViewScoped
public class EntityPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ProfileService profiles;
  @Inject Visitor visitor;
  @Inject QuotaService quotas;

  private String entity;
  private EntityProfile profile;
  private boolean editing;
  private String displayName;
  private String description;
  private String organization;
  private String location;
  private String links;

  /** The page's action on GET. */
  public void load() {
    entity = Pages.routeParameter(UiRoutes.ENTITY).orElse("");
    reload();
    if (profile == null) {
      Pages.status(404);
    }
  }

  private void reload() {
    try {
      profile = profiles.profile(entity, visitor.caller());
    } catch (AybException notFound) {
      profile = null;
    }
  }

  public boolean isOwn() {
    return profile != null && visitor.is(profile.slug());
  }

  public void edit() {
    if (!isOwn()) {
      return;
    }
    displayName = profile.displayName();
    description = profile.description();
    organization = profile.organization();
    location = profile.location();
    links = profile.links().stream().map(ProfileLink::url).collect(Collectors.joining("\n"));
    editing = true;
  }

  public void cancel() {
    editing = false;
  }

  public void save() {
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      Pages.redirect("/log_in?next=/" + Pages.segment(entity));
      return;
    }
    Map<String, String> body = new HashMap<>();
    body.put(ProfileUpdate.Field.DISPLAY_NAME.key(), blankToNull(displayName));
    body.put(ProfileUpdate.Field.DESCRIPTION.key(), blankToNull(description));
    body.put(ProfileUpdate.Field.ORGANIZATION.key(), blankToNull(organization));
    body.put(ProfileUpdate.Field.LOCATION.key(), blankToNull(location));
    JsonArrayBuilder array = Json.createArrayBuilder();
    if (links != null) {
      links
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .forEach(url -> array.add(Json.createObjectBuilder().add("url", url)));
    }
    body.put(ProfileUpdate.Field.LINKS.key(), array.build().toString());
    try {
      profiles.update(caller.get(), entity, ProfileUpdate.of(body));
      editing = false;
      reload();
      Pages.info("Profile saved", "Your profile is up to date.");
    } catch (AybException refused) {
      Pages.error("Could not save the profile", refused);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getEntity() {
    return entity;
  }

  public EntityProfile getProfile() {
    return profile;
  }

  /** The name a page shows: the display name, else the slug. */
  public String getTitle() {
    if (profile == null) {
      return "Not found";
    }
    return profile.displayName() == null ? profile.slug() : profile.displayName();
  }

  public List<EntityProfile.DatabaseSummary> getDatabases() {
    return profile == null ? List.of() : profile.databases();
  }

  public String getInitial() {
    String title = getTitle();
    return title.isEmpty() ? "?" : title.substring(0, 1).toUpperCase(Locale.ROOT);
  }

  /** For the entity itself: what it stores against its quotas, e.g. "2 of 100 databases". */
  public String getUsage() {
    if (!isOwn()) {
      return "";
    }
    EntityUsage usage = quotas.usage(profile.slug());
    return usage.databases()
        + (usage.maxDatabases() > 0 ? " of " + usage.maxDatabases() : "")
        + " databases, "
        + bytes(usage.bytes())
        + (usage.maxBytes() > 0 ? " of " + bytes(usage.maxBytes()) : "")
        + " stored";
  }

  private static String bytes(long n) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double value = n;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0
        ? n + " bytes"
        : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  }

  public boolean isEditing() {
    return editing;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getOrganization() {
    return organization;
  }

  public void setOrganization(String organization) {
    this.organization = organization;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getLinks() {
    return links;
  }

  public void setLinks(String links) {
    this.links = links;
  }
}
