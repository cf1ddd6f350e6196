package org.aybdb.domain.model.account;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** How an entity proves who it is; ayb knows only e-mail. */
public enum AuthenticationMethodType implements CodedEnum {
  // ayb's codes are the positions (0 email): append, never reorder.
  EMAIL;

  /** Parses ayb's word, e.g. from a header. */
  public static AuthenticationMethodType fromWord(String word) {
    return CodedEnum.fromWord(AuthenticationMethodType.class, word);
  }

  /** Stores the constant as its code. */
  @jakarta.persistence.Converter(autoApply = true)
  public static class Converter extends CodedEnumConverter<AuthenticationMethodType> {
    public Converter() {
      super(AuthenticationMethodType.class);
    }
  }
}
