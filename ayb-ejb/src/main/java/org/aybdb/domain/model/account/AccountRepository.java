package org.aybdb.domain.model.account;

import java.util.Optional;

/** Where entities are kept. */
public interface AccountRepository {

  /** Finds an entity by its (lower-case) slug. */
  Optional<Account> find(String slug);

  /** Stores a new entity and returns it with its id assigned. */
  Account store(Account account);
}
