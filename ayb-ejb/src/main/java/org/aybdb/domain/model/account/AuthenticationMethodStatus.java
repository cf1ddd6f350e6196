package org.aybdb.domain.model.account;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** Whether an authentication method may still be used. */
public enum AuthenticationMethodStatus implements CodedEnum {
  // ayb's codes are the positions (0 verified, 1 revoked): append, never reorder.
  VERIFIED,
  REVOKED;

  /** Parses ayb's word, e.g. from a header. */
  public static AuthenticationMethodStatus fromWord(String word) {
    return CodedEnum.fromWord(AuthenticationMethodStatus.class, word);
  }

  /** Stores the constant as its code. */
  @jakarta.persistence.Converter(autoApply = true)
  public static class Converter extends CodedEnumConverter<AuthenticationMethodStatus> {
    public Converter() {
      super(AuthenticationMethodStatus.class);
    }
  }
}
