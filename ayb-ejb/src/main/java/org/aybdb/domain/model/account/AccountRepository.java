package org.aybdb.domain.model.account;

import java.util.List;
import java.util.Optional;

/** Where entities and their authentication methods are kept. */
public interface AccountRepository {

  /** Finds an entity by its (lower-case) slug. */
  Optional<Account> find(String slug);

  /** Stores a new entity and returns it with its id assigned. */
  Account store(Account account);

  /** The entity's authentication methods, oldest first. */
  List<AuthenticationMethod> authenticationMethods(Account account);

  /** The e-mail method of {@code emailAddress}, whichever entity it belongs to. */
  Optional<AuthenticationMethod> emailMethod(String emailAddress);

  /** Stores a new authentication method. */
  AuthenticationMethod store(AuthenticationMethod method);

  /** Up to {@code max} slugs starting with {@code prefix} (lower case), in order. */
  List<String> slugsStartingWith(String prefix, int max);
}
