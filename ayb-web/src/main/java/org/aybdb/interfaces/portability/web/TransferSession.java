package org.aybdb.interfaces.portability.web;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the import form and its upload share in one browser session: a random token the form carries
 * (a cross-site page cannot read it, so it cannot post an import) and the outcome of the last
 * upload, shown once on the page it returns to.
 */
@SessionScoped
public class TransferSession implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The outcome of an upload: a summary, a detail, and whether it failed. */
  public record Outcome(String summary, String detail, boolean failed) implements Serializable {}

  private String token;
  private Outcome outcome;

  /** This session's form token, made on first use. */
  public synchronized String token() {
    if (token == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    return token;
  }

  /** Whether {@code candidate} is this session's token (compared in constant time). */
  public synchronized boolean accepts(String candidate) {
    return token != null
        && candidate != null
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.US_ASCII),
            candidate.getBytes(StandardCharsets.US_ASCII));
  }

  public synchronized void remember(Outcome outcome) {
    this.outcome = outcome;
  }

  /** The last upload's outcome, once. */
  public synchronized Outcome takeOutcome() {
    Outcome taken = outcome;
    outcome = null;
    return taken;
  }
}
