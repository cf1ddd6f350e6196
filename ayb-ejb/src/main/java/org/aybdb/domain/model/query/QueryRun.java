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
 * One run of SQL from the web UI's editor by one user on one database: an entry of that user's
 * history of that database. Only the last few of each pair are kept (a configured length).
 */
@Entity
@Table(name = "query_history")
public class QueryRun {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "entity_id", nullable = false)
  private Account runner;

  @ManyToOne(optional = false)
  @JoinColumn(name = "database_id", nullable = false)
  private HostedDatabase database;

  @Column(name = "sql_text", nullable = false)
  private String sql;

  @Column(name = "run_at", nullable = false)
  private LocalDateTime runAt;

  protected QueryRun() {}

  public QueryRun(Account runner, HostedDatabase database, String sql, LocalDateTime runAt) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.database = Objects.requireNonNull(database, "database");
    this.sql = Objects.requireNonNull(sql, "sql");
    this.runAt = Objects.requireNonNull(runAt, "runAt");
  }

  public Long id() {
    return id;
  }

  public String sql() {
    return sql;
  }

  public LocalDateTime runAt() {
    return runAt;
  }
}
