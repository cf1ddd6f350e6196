package org.aybdb.application.port;

/** OAuth 2.0 authorization codes, stored only as hashes, and their PKCE (S256) challenges. */
public interface AuthorizationCodes {

  /** A new random authorization code. */
  String newCode();

  /** The stored form of {@code code}. */
  String hash(String code);

  /** Whether {@code challenge} has the shape of an S256 challenge. */
  boolean isS256Challenge(String challenge);

  /** Whether {@code verifier} matches {@code challenge}, in time independent of the contents. */
  boolean verifies(String challenge, String verifier);
}
