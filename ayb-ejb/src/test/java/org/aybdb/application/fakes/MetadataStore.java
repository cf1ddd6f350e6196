package org.aybdb.application.fakes;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.account.ApiToken;
import org.aybdb.domain.model.account.ApiTokenRepository;
import org.aybdb.domain.model.account.AuthenticationMethod;
import org.aybdb.domain.model.account.UsedConfirmationTokenRepository;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.HostedDatabaseRepository;
import org.aybdb.domain.model.permission.DatabasePermission;
import org.aybdb.domain.model.permission.DatabasePermissionRepository;
import org.aybdb.domain.model.permission.EntitySharingLevel;

/**
 * The metadata store's repositories in memory, for use cases tested without a container. Like the
 * real store it gives each new entity an id, as the database's identity column would.
 */
public final class MetadataStore {

  private final AtomicLong ids = new AtomicLong();
  private final List<Account> accountList = new ArrayList<>();
  private final List<AuthenticationMethod> methods = new ArrayList<>();
  private final List<HostedDatabase> databaseList = new ArrayList<>();
  private final List<DatabasePermission> permissionList = new ArrayList<>();
  private final Map<String, ApiToken> tokenMap = new HashMap<>();
  private final Map<String, Instant> used = new HashMap<>();

  public final AccountRepository accounts = new Accounts();
  public final HostedDatabaseRepository databases = new Databases();
  public final DatabasePermissionRepository permissions = new Permissions();
  public final ApiTokenRepository tokens = new Tokens();
  public final UsedConfirmationTokenRepository usedTokens = new UsedTokens();

  /** Stores a new account. */
  public Account account(String slug, org.aybdb.domain.model.account.EntityType type) {
    return accounts.store(new Account(slug, type));
  }

  /** The API tokens stored so far. */
  public List<ApiToken> storedTokens() {
    return List.copyOf(tokenMap.values());
  }

  private <T> T withId(T entity) {
    try {
      Field id = entity.getClass().getDeclaredField("id");
      id.setAccessible(true);
      if (id.get(entity) == null) {
        id.set(entity, ids.incrementAndGet());
      }
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class Accounts implements AccountRepository {
    @Override
    public Optional<Account> find(String slug) {
      return accountList.stream().filter(a -> a.slug().equals(slug)).findFirst();
    }

    @Override
    public Account store(Account account) {
      if (!accountList.contains(account)) {
        accountList.add(withId(account));
      }
      return account;
    }

    @Override
    public List<AuthenticationMethod> authenticationMethods(Account account) {
      return methods.stream().filter(m -> m.account() == account).toList();
    }

    @Override
    public Optional<AuthenticationMethod> emailMethod(String emailAddress) {
      return methods.stream().filter(m -> m.emailAddress().equals(emailAddress)).findFirst();
    }

    @Override
    public AuthenticationMethod store(AuthenticationMethod method) {
      methods.add(withId(method));
      return method;
    }

    @Override
    public List<String> slugsStartingWith(String prefix, int max) {
      return accountList.stream()
          .map(Account::slug)
          .filter(s -> s.startsWith(prefix))
          .sorted()
          .limit(max)
          .toList();
    }
  }

  private final class Databases implements HostedDatabaseRepository {
    @Override
    public List<HostedDatabase> ownedBy(Account owner) {
      return databaseList.stream().filter(d -> d.owner() == owner).toList();
    }

    @Override
    public List<HostedDatabase> all() {
      return List.copyOf(databaseList);
    }

    @Override
    public Optional<HostedDatabase> find(Account owner, String slug) {
      return databaseList.stream()
          .filter(d -> d.owner() == owner && d.slug().equals(slug))
          .findFirst();
    }

    @Override
    public HostedDatabase store(HostedDatabase database) {
      if (!databaseList.contains(database)) {
        databaseList.add(withId(database));
      }
      return database;
    }
  }

  private final class Permissions implements DatabasePermissionRepository {
    @Override
    public Map<Long, EntitySharingLevel> grantsOn(Account owner, Account grantee) {
      Map<Long, EntitySharingLevel> grants = new HashMap<>();
      permissionList.stream()
          .filter(p -> p.grantee() == grantee && p.database().owner() == owner)
          .forEach(p -> grants.put(p.database().id(), p.sharingLevel()));
      return grants;
    }

    @Override
    public Optional<DatabasePermission> find(long granteeId, HostedDatabase database) {
      return permissionList.stream()
          .filter(p -> p.grantee().id() == granteeId && p.database() == database)
          .findFirst();
    }

    @Override
    public List<DatabasePermission> on(HostedDatabase database) {
      return permissionList.stream().filter(p -> p.database() == database).toList();
    }

    @Override
    public DatabasePermission store(DatabasePermission permission) {
      if (!permissionList.contains(permission)) {
        permissionList.add(permission);
      }
      return permission;
    }

    @Override
    public void remove(DatabasePermission permission) {
      permissionList.remove(permission);
    }

    @Override
    public List<DatabasePermission> heldBy(Account grantee) {
      return permissionList.stream().filter(p -> p.grantee() == grantee).toList();
    }
  }

  private final class Tokens implements ApiTokenRepository {
    @Override
    public Optional<ApiToken> find(String shortToken) {
      return Optional.ofNullable(tokenMap.get(shortToken));
    }

    @Override
    public List<ApiToken> unrevoked(Account account) {
      return tokenMap.values().stream()
          .filter(t -> t.account() == account && t.revokedAt() == null)
          .toList();
    }

    @Override
    public ApiToken store(ApiToken token) {
      tokenMap.put(token.shortToken(), token);
      return token;
    }

    @Override
    public void markUsed(String shortToken, LocalDateTime at) {
      Objects.requireNonNull(at, "at");
    }
  }

  private final class UsedTokens implements UsedConfirmationTokenRepository {
    @Override
    public boolean markUsed(String fingerprint, Instant expiresAt) {
      return used.putIfAbsent(fingerprint, expiresAt) == null;
    }

    @Override
    public int forgetExpired(Instant now) {
      int before = used.size();
      used.values().removeIf(expiry -> expiry.isBefore(now));
      return before - used.size();
    }
  }
}
