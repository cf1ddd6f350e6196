package org.aybdb.infrastructure.security;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.StringValidator;
import com.macasaet.fernet.Token;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.TemporalAmount;
import java.util.Objects;
import org.aybdb.application.port.ConfirmationTokenCodec;
import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.infrastructure.json.Jsons;

/**
 * The tokens of registration and log-in e-mails: Fernet (spec version 0x80) over ayb's JSON {@code
 * {"version":1,"entity":...,"entity_type":<code>,"email_address":...}}, valid for {@code
 * token_expiration_seconds} after they were made (plus Fernet's 60 s clock-skew rule for tokens
 * from the future). Wire-compatible with ayb's, so a token minted by either opens in the other when
 * they share the key.
 */
public final class ConfirmationTokens implements ConfirmationTokenCodec {

  /** The only payload version there is. */
  static final int VERSION = 1;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Key key;
  private final Duration timeToLive;
  private final Clock clock;

  /**
   * @param fernetKey URL-safe base64 of 32 bytes
   * @param timeToLive how long a token opens after it was made
   * @param clock the time used to check a token's age
   */
  public ConfirmationTokens(String fernetKey, Duration timeToLive, Clock clock) {
    this.key = new Key(Objects.requireNonNull(fernetKey, "fernetKey"));
    this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Encrypts {@code payload} into a new token made now. */
  @Override
  public String mint(Payload payload) {
    Objects.requireNonNull(payload, "payload");
    return Token.generate(RANDOM, key, toJson(payload)).serialise();
  }

  /**
   * Checks and decrypts {@code token}.
   *
   * @throws InvalidTokenException if it is malformed, signed with another key, expired, from the
   *     future, or its payload is not ayb's JSON
   */
  @Override
  public Opened open(String token) throws InvalidTokenException {
    Objects.requireNonNull(token, "token");
    Token parsed;
    String json;
    try {
      parsed = Token.fromString(token.strip());
      json = parsed.validateAndDecrypt(key, new Validator());
    } catch (RuntimeException e) {
      // fernet-java8 reports bad encodings, signatures and ages as unchecked exceptions; which
      // one does not matter to the caller, and the token itself must not reach any message.
      throw new InvalidTokenException(e.getClass().getSimpleName());
    }
    return new Opened(
        payload(json), Sha256.hex(parsed.serialise()), parsed.getTimestamp().plus(timeToLive));
  }

  /** ayb's JSON, fields in ayb's order. */
  static String toJson(Payload payload) {
    return Jsons.createObjectBuilder()
        .add("version", VERSION)
        .add("entity", payload.entity())
        .add("entity_type", payload.entityType().code())
        .add("email_address", payload.emailAddress())
        .build()
        .toString();
  }

  private static Payload payload(String json) throws InvalidTokenException {
    try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      if (number(object, "version") != VERSION) {
        throw new InvalidTokenException("unknown payload version");
      }
      return new Payload(
          string(object, "entity"),
          CodedEnum.fromCode(EntityType.class, number(object, "entity_type")),
          string(object, "email_address"));
    } catch (JsonException | IllegalStateException | ArithmeticException e) {
      throw new InvalidTokenException("malformed payload");
    }
  }

  private static String string(JsonObject object, String name) throws InvalidTokenException {
    JsonValue value = object.get(name);
    if (!(value instanceof JsonString text)) {
      throw new InvalidTokenException("payload without " + name);
    }
    return text.getString();
  }

  private static int number(JsonObject object, String name) throws InvalidTokenException {
    JsonValue value = object.get(name);
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new InvalidTokenException("payload without " + name);
    }
    return number.intValueExact();
  }

  private final class Validator implements StringValidator {
    @Override
    public Clock getClock() {
      return clock;
    }

    @Override
    public TemporalAmount getTimeToLive() {
      return timeToLive;
    }
  }
}
