package org.aybdb.application;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value a client sent, already parsed at the edge: absent, given, or refused with a message. The
 * refusal is raised (400) only when a use case reads the value, so the use case decides where it
 * falls among its other checks: a database the caller may not see is a 404 before any bad value.
 *
 * @param <T> the parsed type
 */
public final class Requested<T> {

  private static final Requested<?> ABSENT = new Requested<>(null, null);

  private final T value;
  private final String problem;

  private Requested(T value, String problem) {
    this.value = value;
    this.problem = problem;
  }

  /** A value that was sent and understood. */
  public static <T> Requested<T> of(T value) {
    return new Requested<>(Objects.requireNonNull(value, "value"), null);
  }

  /** Nothing was sent. */
  @SuppressWarnings("unchecked")
  public static <T> Requested<T> absent() {
    return (Requested<T>) ABSENT;
  }

  /** Something was sent (or required and missing) that cannot be used; {@code message} says why. */
  public static <T> Requested<T> invalid(String message) {
    return new Requested<>(null, Objects.requireNonNull(message, "message"));
  }

  /**
   * {@code text} parsed by {@code parser}: absent when {@code text} is null, invalid with the
   * parser's message when it throws {@link IllegalArgumentException}.
   */
  public static <T> Requested<T> parse(String text, Function<String, ? extends T> parser) {
    Objects.requireNonNull(parser, "parser");
    if (text == null) {
      return absent();
    }
    try {
      return of(parser.apply(text));
    } catch (IllegalArgumentException e) {
      return invalid(e.getMessage() != null ? e.getMessage() : "Invalid value");
    }
  }

  /**
   * The value, if one was sent.
   *
   * @throws AybException Other (400) with the message of an invalid value
   */
  public Optional<T> optional() {
    if (problem != null) {
      throw AybException.badRequest(problem);
    }
    return Optional.ofNullable(value);
  }

  /**
   * The value, which must have been sent (the edge names a missing one with {@link #invalid}).
   *
   * @throws AybException Other (400) with the message of an invalid value, or for an absent one
   */
  public T required() {
    return optional().orElseThrow(() -> AybException.badRequest("A required value is missing"));
  }

  @Override
  public String toString() {
    return problem != null ? "invalid: " + problem : String.valueOf(value);
  }
}
