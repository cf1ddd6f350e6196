package org.aybdb.domain.model.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * An OAuth 2.0 authorization code issued to a browser app (PKCE S256). It is exchanged once, within
 * ten minutes, for a token scoped to one database; timestamps are UTC. The {@code code} column
 * holds the hex SHA-256 of the code, never the code itself.
 */
@Entity
@Table(name = "oauth_authorization_request")
public class OAuthAuthorizationRequest {

  @Id
  @Column(length = 64)
  private String code;

  @ManyToOne(optional = false)
  @JoinColumn(name = "entity_id", nullable = false)
  private Account account;

  @Column(name = "code_challenge", nullable = false, length = 128)
  private String codeChallenge;

  @Column(name = "redirect_uri", nullable = false, columnDefinition = "TEXT")
  private String redirectUri;

  @Column(name = "app_name", nullable = false, length = 255)
  private String appName;

  @Column(name = "requested_query_permission_level", nullable = false)
  private QueryPermissionLevel requestedLevel;

  @Column(length = 255)
  private String state;

  @ManyToOne(optional = false)
  @JoinColumn(name = "database_id", nullable = false)
  private HostedDatabase database;

  @Column(name = "query_permission_level", nullable = false)
  private QueryPermissionLevel grantedLevel;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private LocalDateTime expiresAt;

  @Column(name = "used_at")
  private LocalDateTime usedAt;

  protected OAuthAuthorizationRequest() {}

  public OAuthAuthorizationRequest(
      String code,
      Account account,
      HostedDatabase database,
      String codeChallenge,
      String redirectUri,
      String appName,
      QueryPermissionLevel level,
      String state,
      LocalDateTime createdAt,
      LocalDateTime expiresAt) {
    this.code = Objects.requireNonNull(code, "code");
    this.account = Objects.requireNonNull(account, "account");
    this.database = Objects.requireNonNull(database, "database");
    this.codeChallenge = Objects.requireNonNull(codeChallenge, "codeChallenge");
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    this.appName = Objects.requireNonNull(appName, "appName");
    this.requestedLevel = Objects.requireNonNull(level, "level");
    this.grantedLevel = level;
    this.state = state;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public String code() {
    return code;
  }

  public Account account() {
    return account;
  }

  public HostedDatabase database() {
    return database;
  }

  public String codeChallenge() {
    return codeChallenge;
  }

  public String redirectUri() {
    return redirectUri;
  }

  public String appName() {
    return appName;
  }

  public QueryPermissionLevel grantedLevel() {
    return grantedLevel;
  }

  public String state() {
    return state;
  }

  public LocalDateTime expiresAt() {
    return expiresAt;
  }

  public LocalDateTime usedAt() {
    return usedAt;
  }

  /**
   * Grants less than was asked: the user lowered read-write to read-only on the consent page.
   *
   * @throws IllegalArgumentException if {@code level} is higher than the requested level
   */
  public void lowerGrantTo(QueryPermissionLevel level) {
    Objects.requireNonNull(level, "level");
    if (level.code() > requestedLevel.code()) {
      throw new IllegalArgumentException("Cannot grant more than was requested");
    }
    this.grantedLevel = level;
  }

  public void markUsed(LocalDateTime at) {
    this.usedAt = Objects.requireNonNull(at, "at");
  }
}
