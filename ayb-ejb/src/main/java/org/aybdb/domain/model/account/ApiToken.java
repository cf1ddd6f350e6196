package org.aybdb.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * A long-lived API token {@code ayb_<short>_<secret>}. Only the short part and the hex SHA-256 of
 * the secret are stored. A token may be scoped to one database with a permission cap (OAuth);
 * timestamps are UTC.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

  @Id
  @Column(name = "short_token", length = 64)
  private String shortToken;

  @ManyToOne(optional = false)
  @JoinColumn(name = "entity_id", nullable = false)
  private Account account;

  @Column(nullable = false, length = 64)
  private String hash;

  @ManyToOne
  @JoinColumn(name = "database_id")
  private HostedDatabase scopedDatabase;

  @Column(name = "query_permission_level")
  private QueryPermissionLevel queryPermissionLevel;

  @Column(name = "app_name", length = 255)
  private String appName;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  @Column(name = "expires_at")
  private LocalDateTime expiresAt;

  @Column(name = "revoked_at")
  private LocalDateTime revokedAt;

  /** Written by a bulk update about once a minute per token, never set through this entity. */
  @Column(name = "last_used_at")
  private LocalDateTime lastUsedAt;

  protected ApiToken() {}

  public ApiToken(String shortToken, Account account, String hash, LocalDateTime createdAt) {
    this.shortToken = Objects.requireNonNull(shortToken, "shortToken");
    this.account = Objects.requireNonNull(account, "account");
    this.hash = Objects.requireNonNull(hash, "hash");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Restricts the token to one database and at most {@code level} (OAuth tokens). */
  public void scopeTo(HostedDatabase database, QueryPermissionLevel level, String appName) {
    this.scopedDatabase = Objects.requireNonNull(database, "database");
    this.queryPermissionLevel = Objects.requireNonNull(level, "level");
    this.appName = appName;
  }

  /** The name its owner gave it (shown where an OAuth token shows its app). */
  public void name(String name) {
    this.appName = Objects.requireNonNull(name, "name");
  }

  /** Ends the token's validity at {@code at} (UTC). */
  public void expireAt(LocalDateTime at) {
    this.expiresAt = Objects.requireNonNull(at, "at");
  }

  public void revoke(LocalDateTime at) {
    this.revokedAt = Objects.requireNonNull(at, "at");
  }

  public String shortToken() {
    return shortToken;
  }

  public Account account() {
    return account;
  }

  public String hash() {
    return hash;
  }

  public HostedDatabase scopedDatabase() {
    return scopedDatabase;
  }

  public QueryPermissionLevel queryPermissionLevel() {
    return queryPermissionLevel;
  }

  public String appName() {
    return appName;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public LocalDateTime expiresAt() {
    return expiresAt;
  }

  public LocalDateTime revokedAt() {
    return revokedAt;
  }

  public LocalDateTime lastUsedAt() {
    return lastUsedAt;
  }
}
