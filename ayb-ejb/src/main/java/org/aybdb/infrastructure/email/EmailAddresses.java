package org.aybdb.infrastructure.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks that a text is one bare e-mail address ({@code someone@example.org}). */
public final class EmailAddresses {

  private EmailAddresses() {}

  private static final Pattern DOT_ATOM =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  /**
   * The one spelling of {@code address} that limits and uniqueness are checked against: a plain
   * local part (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, dot-separated) and a host name,
   * lower-cased. Quoted local parts ({@code "v"@example.org}), escapes, comments, display names and
   * domain literals ({@code v@[127.0.0.1]}) are refused: each is another spelling of an address
   * that could slip past a per-address limit.
   *
   * @return the canonical address, or empty when {@code address} is not such a plain address
   */
  public static Optional<String> canonical(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String text = address.strip();
    int at = text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1 || text.length() > 254) {
      return Optional.empty();
    }
    String local = text.substring(0, at);
    String domain = text.substring(at + 1);
    if (local.length() > 64
        || !DOT_ATOM.matcher(local).matches()
        || !HOST_NAME.matcher(domain).matches()
        || domain.length() > 253) {
      return Optional.empty();
    }
    return Optional.of((local + "@" + domain).toLowerCase(Locale.ROOT));
  }

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
