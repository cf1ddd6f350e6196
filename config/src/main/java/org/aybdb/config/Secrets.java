package org.aybdb.config;

/** Masks secret values in toString() output and messages. */
final class Secrets {

  static final String MASK = "***";

  private Secrets() {}

  /** {@code ***} for a secret, {@code ""} for an absent one (which reveals nothing). */
  static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "" : MASK;
  }
}
