package org.aybdb.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * An ayb <em>entity</em>: a user or an organization that owns databases, addressed by its slug
 * (always lower-case). The profile fields are free text shown on the entity's page; {@code links}
 * holds ayb's JSON array of {@code {"url":..., "verified":...}}.
 */
@Entity(name = "Account")
// Not in EclipseLink's shared cache (the unit's default): that cache is brought up to date only
// after the transaction's own completion callbacks, so a read in between could see a revoked
// grant as current. The query path keeps its own decisions (QueryGrants), invalidated on change.
@NamedQuery(name = Account.BY_SLUG, query = "SELECT a FROM Account a WHERE a.slug = :slug")
@Table(name = "entity")
public class Account {

  public static final String BY_SLUG = "Account.bySlug";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 128)
  private String slug;

  @Column(name = "entity_type", nullable = false)
  private EntityType entityType;

  @Column(name = "display_name", length = 35)
  private String displayName;

  @Column(length = 100)
  private String description;

  @Column(length = 35)
  private String organization;

  @Column(length = 35)
  private String location;

  @Column(columnDefinition = "TEXT")
  private String links;

  protected Account() {}

  public Account(String slug, EntityType entityType) {
    this.slug = Objects.requireNonNull(slug, "slug");
    this.entityType = Objects.requireNonNull(entityType, "entityType");
  }

  public Long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public EntityType entityType() {
    return entityType;
  }

  public String displayName() {
    return displayName;
  }

  public String description() {
    return description;
  }

  public String organization() {
    return organization;
  }

  public String location() {
    return location;
  }

  /** The stored JSON array of links, or null. */
  public String links() {
    return links;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public void setOrganization(String organization) {
    this.organization = organization;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public void setLinks(String links) {
    this.links = links;
  }
}
