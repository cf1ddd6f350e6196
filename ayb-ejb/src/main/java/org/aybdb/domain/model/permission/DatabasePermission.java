package org.aybdb.domain.model.permission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;

/**
 * A grant of one database to one entity: read-only, read-write or manager. At most one per pair;
 * revoking deletes it (no-access is never stored). The owner never has a grant.
 */
@Entity
@Table(name = "entity_database_permission")
// Not in EclipseLink's shared cache (the unit's default): that cache is brought up to date only
// after the transaction's own completion callbacks, so a read in between could see a revoked
// grant as current. The query path keeps its own decisions (QueryGrants), invalidated on change.
@NamedQuery(
    name = DatabasePermission.BY_GRANTEE_AND_DATABASE,
    query =
        "SELECT p FROM DatabasePermission p"
            + " WHERE p.grantee.id = :granteeId AND p.database.id = :databaseId")
@IdClass(DatabasePermission.Key.class)
public class DatabasePermission {

  public static final String BY_GRANTEE_AND_DATABASE = "DatabasePermission.byGranteeAndDatabase";

  @Id
  @ManyToOne(optional = false)
  @JoinColumn(name = "entity_id", nullable = false)
  private Account grantee;

  @Id
  @ManyToOne(optional = false)
  @JoinColumn(name = "database_id", nullable = false)
  private HostedDatabase database;

  @Column(name = "sharing_level", nullable = false)
  private EntitySharingLevel sharingLevel;

  protected DatabasePermission() {}

  public DatabasePermission(
      Account grantee, HostedDatabase database, EntitySharingLevel sharingLevel) {
    this.grantee = Objects.requireNonNull(grantee, "grantee");
    this.database = Objects.requireNonNull(database, "database");
    setSharingLevel(sharingLevel);
  }

  public Account grantee() {
    return grantee;
  }

  public HostedDatabase database() {
    return database;
  }

  public EntitySharingLevel sharingLevel() {
    return sharingLevel;
  }

  public void setSharingLevel(EntitySharingLevel sharingLevel) {
    Objects.requireNonNull(sharingLevel, "sharingLevel");
    if (sharingLevel == EntitySharingLevel.NO_ACCESS) {
      throw new IllegalArgumentException("no-access is a removed grant, not a stored one");
    }
    this.sharingLevel = sharingLevel;
  }

  /** The composite key (grantee, database). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long grantee;
    private Long database;

    public Key() {}

    public Key(Long grantee, Long database) {
      this.grantee = grantee;
      this.database = database;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(grantee, key.grantee)
          && Objects.equals(database, key.database);
    }

    @Override
    public int hashCode() {
      return Objects.hash(grantee, database);
    }
  }
}
