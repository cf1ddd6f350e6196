package org.aybdb.domain.model.account;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** Whether an authentication method may still be used. */
public enum AuthenticationMethodStatus implements CodedEnum {
  VERIFIED(0, "verified"),
  REVOKED(1, "revoked");

  private final int code;
  private final String word;

  AuthenticationMethodStatus(int code, String word) {
    this.code = code;
    this.word = word;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public String word() {
    return word;
  }

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
