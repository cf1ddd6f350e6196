package org.aybdb.application;

import java.util.Optional;

/** Entity pages: the profile, the databases a caller may see, and profile updates. */
public interface ProfileService {

  /**
   * The page of {@code entity} (lower-case) as {@code caller} (empty: anonymous) sees it.
   *
   * @throws AybException RecordNotFound (404)
   */
  EntityProfile profile(String entity, Optional<Caller> caller);

  /**
   * Changes the caller's own profile; links are verified (an unreachable page only leaves its link
   * unverified).
   *
   * @throws AybException Other (403) for someone else's profile; EmptyUpdateError (400) when no
   *     field changes; Other (400) for a value too long or a link that is not an absolute URL
   */
  void update(Caller caller, String entity, ProfileUpdate update);
}
