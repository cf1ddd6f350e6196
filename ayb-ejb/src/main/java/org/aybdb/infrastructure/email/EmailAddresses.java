package org.aybdb.infrastructure.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks that a text is one bare e-mail address ({@code someone@example.org}). */
public final class EmailAddresses {

  private EmailAddresses() {}

  /** Whether {@code address} is a single RFC 822 address with a domain and no display name. */
  public static boolean isValid(String address) {
    if (address == null || address.isBlank() || !address.equals(address.strip())) {
      return false;
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      return parsed.getPersonal() == null
          && !parsed.isGroup()
          && address.equals(parsed.getAddress())
          && address.indexOf('@') > 0
          && address.indexOf('@') < address.length() - 1;
    } catch (AddressException e) {
      return false;
    }
  }
}
