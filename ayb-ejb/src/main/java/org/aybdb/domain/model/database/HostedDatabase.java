package org.aybdb.domain.model.database;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.permission.DatabaseAccess;
import org.aybdb.domain.model.permission.EntitySharingLevel;

/**
 * A database hosted for an entity, addressed as {@code entity/database}. Its slug is unique within
 * the owner and case-sensitive, as in ayb. The file itself lives under {@code data_path}.
 */
@Entity
@Table(name = "database")
// Not in EclipseLink's shared cache (the unit's default): that cache is brought up to date only
// after the transaction's own completion callbacks, so a read in between could see a revoked
// grant as current. The query path keeps its own decisions (QueryGrants), invalidated on change.
@NamedQuery(
    name = HostedDatabase.BY_OWNER_AND_SLUG,
    query = "SELECT d FROM HostedDatabase d WHERE d.owner.id = :ownerId AND d.slug = :slug")
public class HostedDatabase {

  public static final String BY_OWNER_AND_SLUG = "HostedDatabase.byOwnerAndSlug";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 128)
  private String slug;

  @Column(name = "db_type", nullable = false)
  private DatabaseType type;

  @ManyToOne(optional = false)
  @JoinColumn(name = "entity_id", nullable = false)
  private Account owner;

  @Column(name = "public_sharing_level", nullable = false)
  private PublicSharingLevel publicSharingLevel;

  /** The {@code entity/database} this one was forked from, as it was named then; null if none. */
  @Column(name = "forked_from", length = 257)
  private String forkedFrom;

  protected HostedDatabase() {}

  public HostedDatabase(
      Account owner, String slug, DatabaseType type, PublicSharingLevel publicSharingLevel) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.slug = Objects.requireNonNull(slug, "slug");
    this.type = Objects.requireNonNull(type, "type");
    this.publicSharingLevel = Objects.requireNonNull(publicSharingLevel, "publicSharingLevel");
  }

  public Long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public DatabaseType type() {
    return type;
  }

  public Account owner() {
    return owner;
  }

  public PublicSharingLevel publicSharingLevel() {
    return publicSharingLevel;
  }

  /** The database this one was copied from by a fork ({@code entity/database}), if any. */
  public Optional<String> forkedFrom() {
    return Optional.ofNullable(forkedFrom);
  }

  /** Records that this database is a fork of {@code source} ({@code entity/database}). */
  public void markForkedFrom(String source) {
    this.forkedFrom = Objects.requireNonNull(source, "source");
  }

  public void setPublicSharingLevel(PublicSharingLevel level) {
    this.publicSharingLevel = Objects.requireNonNull(level, "level");
  }

  /**
   * What the entity with id {@code callerId} (empty for anonymous) may do with this database,
   * holding {@code grant} (empty for none).
   */
  public DatabaseAccess accessOf(Optional<Long> callerId, Optional<EntitySharingLevel> grant) {
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(grant, "grant");
    if (callerId.isPresent() && callerId.get().equals(owner.id())) {
      return DatabaseAccess.owner();
    }
    // An anonymous caller holds no grant, whatever is passed.
    return DatabaseAccess.of(publicSharingLevel, callerId.isPresent() ? grant : Optional.empty());
  }

  /** {@code entity/database}, as ayb names it in messages. */
  public String path() {
    return owner.slug() + "/" + slug;
  }
}
