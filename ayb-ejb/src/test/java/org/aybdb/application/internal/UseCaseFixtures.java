package org.aybdb.application.internal;

import java.util.Optional;
import org.aybdb.application.Caller;
import org.aybdb.application.fakes.MetadataStore;
import org.aybdb.domain.model.account.Account;

/** What the use-case tests share: the real access policy over the in-memory store, callers. */
final class UseCaseFixtures {

  private UseCaseFixtures() {}

  static DefaultAccessPolicy accessPolicy(MetadataStore store) {
    DefaultAccessPolicy policy = new DefaultAccessPolicy();
    policy.accounts = store.accounts;
    policy.databases = store.databases;
    policy.permissions = store.permissions;
    return policy;
  }

  /** {@code account} signed in with an unscoped token. */
  static Caller caller(Account account) {
    return new Caller(account.id(), account.slug(), "short", Optional.empty(), Optional.empty());
  }
}
