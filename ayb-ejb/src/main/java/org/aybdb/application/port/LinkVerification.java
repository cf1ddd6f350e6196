package org.aybdb.application.port;

import java.util.List;
import org.aybdb.domain.model.account.ProfileLink;

/** Checks that profile links point to pages that link back to the profile. */
public interface LinkVerification {

  /**
   * Verifies each of {@code urls} (absolute URLs), in order.
   *
   * @param profileUrl the profile's own address, which the pages must link to
   */
  List<ProfileLink> verify(List<String> urls, String profileUrl);
}
