package org.aybdb.domain.model.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;

/**
 * A named query one user saved for one database in the web UI. Names are unique per user and
 * database; only its owner sees, runs, renames or deletes it.
 */
@Entity
@Table(name = "saved_query")
public class SavedQuery {

  /** The longest name a saved query may have. */
  public static final int MAX_NAME_LENGTH = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "entity_id", nullable = false)
  private Account owner;

  @ManyToOne(optional = false)
  @JoinColumn(name = "database_id", nullable = false)
  private HostedDatabase database;

  @Column(nullable = false, length = MAX_NAME_LENGTH)
  private String name;

  @Column(name = "sql_text", nullable = false)
  private String sql;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  protected SavedQuery() {}

  public SavedQuery(
      Account owner, HostedDatabase database, String name, String sql, LocalDateTime createdAt) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.database = Objects.requireNonNull(database, "database");
    rename(name);
    setSql(sql);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public Long id() {
    return id;
  }

  public Account owner() {
    return owner;
  }

  public HostedDatabase database() {
    return database;
  }

  public String name() {
    return name;
  }

  public String sql() {
    return sql;
  }

  public void rename(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  public void setSql(String sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }
}
