package org.aybdb.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.EntityUsage;
import org.aybdb.application.ErrorType;
import org.aybdb.application.QuotaService;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.port.HostedFiles;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.HostedDatabaseRepository;

/**
 * {@link QuotaService}: databases counted in the metadata, bytes measured on disk at each check.
 * Concurrent writes to several databases of one entity each get the quota left when they start, so
 * together they may pass it by at most what they wrote at once; the next write sees it.
 */
@ApplicationScoped
public class DefaultQuotaService implements QuotaService {

  /** The status of every quota refusal: the request is understood and will not be served. */
  static final AybException.Kind QUOTA_KIND = AybException.Kind.FORBIDDEN;

  @Inject AybConfiguration configuration;
  @Inject AccountRepository accounts;
  @Inject HostedDatabaseRepository databases;
  @Inject HostedFiles files;

  @Override
  public EntityUsage usage(String entity) {
    Objects.requireNonNull(entity, "entity");
    Account owner =
        accounts.find(entity).orElseThrow(() -> AybException.recordNotFound(entity, "entity"));
    List<HostedDatabase> owned = databases.ownedBy(owner);
    return new EntityUsage(
        owned.size(),
        configuration.limits().maxDatabasesPerEntity(),
        bytes(owner, owned),
        configuration.limits().maxBytesPerEntity());
  }

  /**
   * Refuses a new database of {@code owner} at either quota.
   *
   * @throws AybException Other (403) naming the quota
   */
  public void checkCreate(Account owner) {
    AybConfiguration.Limits limits = configuration.limits();
    List<HostedDatabase> owned = databases.ownedBy(owner);
    if (limits.maxDatabasesPerEntity() > 0 && owned.size() >= limits.maxDatabasesPerEntity()) {
      throw new AybException(
          ErrorType.Other,
          QUOTA_KIND,
          "Database quota reached: "
              + owner.slug()
              + " has "
              + owned.size()
              + " databases, the most allowed ([limits] max_databases_per_entity)");
    }
    long used = bytes(owner, owned);
    if (limits.maxBytesPerEntity() > 0 && used >= limits.maxBytesPerEntity()) {
      throw new AybException(
          ErrorType.Other,
          QUOTA_KIND,
          "Storage quota reached: the databases of "
              + owner.slug()
              + " take "
              + used
              + " bytes of the "
              + limits.maxBytesPerEntity()
              + " allowed ([limits] max_bytes_per_entity)");
    }
  }

  /**
   * Refuses {@code bytes} more for {@code owner} (a fork) when they would pass the byte quota.
   *
   * @throws AybException Other (403) naming the quota
   */
  public void checkAdd(Account owner, long bytes) {
    long max = configuration.limits().maxBytesPerEntity();
    if (max == 0) {
      return;
    }
    long used = bytes(owner, databases.ownedBy(owner));
    if (used + bytes > max) {
      throw new AybException(
          ErrorType.Other,
          QUOTA_KIND,
          "Storage quota exceeded: the copy takes "
              + bytes
              + " bytes, and the databases of "
              + owner.slug()
              + " already take "
              + used
              + " bytes of the "
              + max
              + " allowed ([limits] max_bytes_per_entity)");
    }
  }

  /**
   * The most {@code database}'s file may grow to during one write: the quota less everything else
   * its owner stores (at least 1, which lets the file shrink but not grow); 0 without a quota.
   */
  public long writeBudget(HostedDatabase database) {
    return writeBudget(database.owner().slug(), database.slug());
  }

  /**
   * The budget a query on {@code database} runs with: {@link #writeBudget(String, String)} for a
   * read-write query, 0 (no bound to set) for a read-only one.
   */
  public long writeBudget(DatabaseRef database, AccessMode mode) {
    return mode == AccessMode.READ_WRITE ? writeBudget(database.entity(), database.database()) : 0;
  }

  /** As {@link #writeBudget(HostedDatabase)}, by name: {@code owner}'s database {@code slug}. */
  public long writeBudget(String owner, String slug) {
    long max = configuration.limits().maxBytesPerEntity();
    if (max == 0) {
      return 0;
    }
    long others = files.entityBytes(owner) - files.fileBytes(owner, slug);
    return Math.max(1, max - others);
  }

  private long bytes(Account owner, List<HostedDatabase> owned) {
    long total = 0;
    for (HostedDatabase database : owned) {
      total += files.bytes(owner.slug(), database.slug());
    }
    return total;
  }
}
