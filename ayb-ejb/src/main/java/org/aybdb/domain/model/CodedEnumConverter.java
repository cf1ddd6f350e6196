package org.aybdb.domain.model;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link CodedEnum} as its integer code. */
public abstract class CodedEnumConverter<E extends Enum<E> & CodedEnum>
    implements AttributeConverter<E, Integer> {

  private final Class<E> type;

  protected CodedEnumConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public Integer convertToDatabaseColumn(E attribute) {
    return attribute == null ? null : attribute.code();
  }

  @Override
  public E convertToEntityAttribute(Integer code) {
    return code == null ? null : CodedEnum.fromCode(type, code);
  }
}
