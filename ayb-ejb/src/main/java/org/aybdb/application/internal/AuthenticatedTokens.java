package org.aybdb.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.aybdb.application.Caller;
import org.aybdb.application.port.ApiTokenCodec;

/**
 * API tokens recently found valid, so that a request's bearer check costs a hash comparison instead
 * of metadata queries. Only tokens that were valid are kept; the secret's hash is compared on every
 * use, expiry is checked on every use, and revocation through this server drops the entry at once.
 * An entry is trusted for {@link #TRUST_NANOS} at most, so that a change made to the metadata store
 * from elsewhere (another node, an operator) takes effect within that time.
 */
@ApplicationScoped // a plain CDI bean: an EJB's container overhead would cost more than it saves
public class AuthenticatedTokens {

  static final long TRUST_NANOS = 30_000_000_000L;

  /** More entries than this and the cache starts over (a bound, not an LRU: it is rarely hit). */
  static final int MAX_ENTRIES = 10_000;

  /** What was verified: the stored hash, who it is, until when the token is valid. */
  public record Entry(String hash, Caller caller, LocalDateTime expiresAt, long verifiedAtNanos) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** Counts revocations, so that a lookup that raced with one is not remembered. */
  private final AtomicLong revocations = new AtomicLong();

  /** Take before reading a token from the store; pass to {@link #remember}. */
  public long stamp() {
    return revocations.get();
  }

  @Inject ApiTokenCodec codec;

  private final Clock clock = Clock.systemUTC();

  /**
   * The caller of {@code token} when it was found valid recently: its secret matches the stored
   * hash and it has not expired since. Empty for anything else (malformed, unknown, stale), which
   * only the store can answer.
   */
  public Optional<Caller> valid(String token) {
    try {
      return valid(codec.parse(token));
    } catch (ApiTokenCodec.MalformedTokenException e) {
      return Optional.empty();
    }
  }

  /** As {@link #valid(String)}, for a token already parsed. */
  public Optional<Caller> valid(ApiTokenCodec.Parsed token) {
    return find(token.shortToken())
        .filter(known -> codec.matches(token, known.hash()))
        .filter(
            known ->
                known.expiresAt() == null || !known.expiresAt().isBefore(Timestamps.now(clock)))
        .map(Entry::caller);
  }

  public Optional<Entry> find(String shortToken) {
    Entry entry = entries.get(shortToken);
    if (entry != null && System.nanoTime() - entry.verifiedAtNanos() > TRUST_NANOS) {
      entries.remove(shortToken, entry);
      return Optional.empty();
    }
    return Optional.ofNullable(entry);
  }

  public void remember(
      long stamp, String shortToken, String hash, Caller caller, LocalDateTime expiresAt) {
    Objects.requireNonNull(shortToken, "shortToken");
    if (stamp != revocations.get()) {
      return; // a token was revoked meanwhile: what was read may be stale
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(
        shortToken,
        new Entry(
            Objects.requireNonNull(hash, "hash"),
            Objects.requireNonNull(caller, "caller"),
            expiresAt,
            System.nanoTime()));
  }

  /** Call once the revocation is committed (and before, to stop using it at once). */
  public void forget(String shortToken) {
    revocations.incrementAndGet();
    entries.remove(shortToken);
  }
}
