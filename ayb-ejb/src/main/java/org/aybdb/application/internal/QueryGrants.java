package org.aybdb.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aybdb.application.AuthorizedDatabase;
import org.aybdb.application.Caller;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.port.MetadataVersion;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * Query access decisions recently made by the {@link org.aybdb.application.AccessPolicy}, so that a
 * query's access check costs a map lookup instead of metadata queries. Only grants are kept
 * (refusals always ask the policy again, with its messages).
 *
 * <p>Every committed change to an entity, a database or a permission ({@link MetadataVersion})
 * empties the cache, once when it is written and again once its transaction has ended; a decision
 * read from the store while a change was under way is not remembered. Token revocation needs
 * nothing here: a revoked token fails authentication before its grants are looked at. An entry is
 * trusted for {@link #TRUST_NANOS} at most, so that a change made to the metadata store from
 * elsewhere (another node, an operator) takes effect within that time.
 */
@ApplicationScoped // a plain CDI bean: no container interceptor per query
public class QueryGrants {

  static final long TRUST_NANOS = AuthenticatedTokens.TRUST_NANOS;

  /** More entries than this and the cache starts over (a bound, not an LRU). */
  static final int MAX_ENTRIES = 10_000;

  /**
   * Who asks for which database: the caller's entity and token limits (anonymous: all empty), the
   * entity as lower-case and the database as sent.
   */
  record Key(
      Optional<Long> entityId,
      Optional<Long> scope,
      Optional<QueryPermissionLevel> cap,
      String entity,
      String database) {

    static Key of(Optional<Caller> caller, String entity, String database) {
      return new Key(
          caller.map(Caller::entityId),
          caller.flatMap(Caller::scopedDatabaseId),
          caller.flatMap(Caller::tokenCap),
          Objects.requireNonNull(entity, "entity"),
          Objects.requireNonNull(database, "database"));
    }
  }

  /** What a query needs once access is granted: the engine's name and the connection mode. */
  record Grant(DatabaseRef ref, AccessMode mode, long verifiedAtNanos) {

    static Grant of(AuthorizedDatabase found) {
      return new Grant(found.ref(), found.accessMode(), System.nanoTime());
    }

    String path() {
      return ref.path();
    }
  }

  private final ConcurrentHashMap<Key, Grant> entries = new ConcurrentHashMap<>();

  @Inject MetadataVersion metadata;

  /** The metadata version the entries were made at (none yet: the first lookup sets it). */
  private volatile long seen = Long.MIN_VALUE;

  /** Take before asking the policy; pass to {@link #remember}. */
  long stamp() {
    return metadata.version();
  }

  Optional<Grant> find(Key key) {
    long version = metadata.version();
    if (version != seen) {
      forgetAll(version);
      return Optional.empty();
    }
    Grant grant = entries.get(key);
    if (grant != null && System.nanoTime() - grant.verifiedAtNanos() > TRUST_NANOS) {
      entries.remove(key, grant);
      return Optional.empty();
    }
    return Optional.ofNullable(grant);
  }

  void remember(long stamp, Key key, Grant grant) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(grant, "grant");
    if (stamp != metadata.version() || stamp != seen) {
      return; // the metadata changed meanwhile: what was read may be stale
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(key, grant);
    if (stamp != metadata.version()) {
      entries.remove(key, grant); // a change landed while storing
    }
  }

  private synchronized void forgetAll(long version) {
    if (seen != version) {
      entries.clear();
      seen = version;
    }
  }
}
