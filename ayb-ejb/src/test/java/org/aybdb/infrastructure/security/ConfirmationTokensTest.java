package org.aybdb.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.StringValidator;
import com.macasaet.fernet.Token;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.aybdb.application.port.ConfirmationTokenCodec;
import org.aybdb.config.FernetKeys;
import org.aybdb.domain.model.account.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfirmationTokensTest {

  private static final String KEY = "6YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79ul0=";
  private static final Duration TTL = Duration.ofSeconds(3600);
  private static final ConfirmationTokenCodec.Payload PAYLOAD =
      new ConfirmationTokenCodec.Payload("ada", EntityType.ORGANIZATION, "ada@example.org");

  private final ConfirmationTokens tokens = at(Duration.ZERO);

  private static ConfirmationTokens at(Duration offset) {
    return new ConfirmationTokens(KEY, TTL, Clock.offset(Clock.systemUTC(), offset));
  }

  @Test
  void roundTripsThePayload() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    ConfirmationTokenCodec.Opened opened = tokens.open(tokens.mint(PAYLOAD));
    assertEquals(PAYLOAD, opened.payload());
    assertTrue(opened.fingerprint().matches("[0-9a-f]{64}"), opened.fingerprint());
    Instant expected = opened.expiresAt().minus(TTL);
    assertTrue(!expected.isBefore(before) && !expected.isAfter(Instant.now()), expected.toString());
  }

  @Test
  void theTokenIsFernetVersion0x80OverAybsJson() {
    String token = tokens.mint(PAYLOAD);
    Token parsed = Token.fromString(token);
    assertEquals((byte) 0x80, parsed.getVersion());
    assertTrue(token.endsWith("="), "URL-safe base64 with padding: " + token);
    assertTrue(token.matches("[A-Za-z0-9_=-]+"), token);
    String plaintext = parsed.validateAndDecrypt(new Key(KEY), new StringValidator() {});
    assertEquals(
        "{\"version\":1,\"entity\":\"ada\",\"entity_type\":1,\"email_address\":\"ada@example.org\"}",
        plaintext);
  }

  @Test
  void opensUntilTheTimeToLiveHasPassed() throws Exception {
    String token = tokens.mint(PAYLOAD);
    assertEquals(PAYLOAD, at(TTL.minusSeconds(5)).open(token).payload());
    assertThrows(
        ConfirmationTokenCodec.InvalidTokenException.class,
        () -> at(TTL.plusSeconds(5)).open(token));
  }

  @Test
  void aShortTimeToLiveExpiresSoon() throws Exception {
    ConfirmationTokens shortLived =
        new ConfirmationTokens(KEY, Duration.ofSeconds(1), Clock.systemUTC());
    String token = shortLived.mint(PAYLOAD);
    ConfirmationTokens twoSecondsLater =
        new ConfirmationTokens(
            KEY, Duration.ofSeconds(1), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3)));
    assertThrows(
        ConfirmationTokenCodec.InvalidTokenException.class, () -> twoSecondsLater.open(token));
  }

  @Test
  void aTokenFromTooFarInTheFutureIsRefused() throws Exception {
    String token = tokens.mint(PAYLOAD);
    assertEquals(PAYLOAD, at(Duration.ofSeconds(-30)).open(token).payload(), "within skew");
    assertThrows(
        ConfirmationTokenCodec.InvalidTokenException.class,
        () -> at(Duration.ofSeconds(-120)).open(token));
  }

  @Test
  void anotherKeyCannotOpenIt() {
    String token =
        new ConfirmationTokens(FernetKeys.generate(), TTL, Clock.systemUTC()).mint(PAYLOAD);
    assertThrows(ConfirmationTokenCodec.InvalidTokenException.class, () -> tokens.open(token));
  }

  @Test
  void aTamperedTokenIsRefused() {
    String token = tokens.mint(PAYLOAD);
    int middle = token.length() / 2;
    char flipped = token.charAt(middle) == 'A' ? 'B' : 'A';
    String tampered = token.substring(0, middle) + flipped + token.substring(middle + 1);
    assertThrows(ConfirmationTokenCodec.InvalidTokenException.class, () -> tokens.open(tampered));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "gAAAAA", "ayb_short_long", "not base64 at all!!"})
  void garbageIsRefused(String token) {
    assertThrows(ConfirmationTokenCodec.InvalidTokenException.class, () -> tokens.open(token));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "{\"version\":2,\"entity\":\"ada\",\"entity_type\":0,\"email_address\":\"a@b.c\"}",
        "{\"version\":1,\"entity_type\":0,\"email_address\":\"a@b.c\"}",
        "{\"version\":1,\"entity\":\"ada\",\"entity_type\":7,\"email_address\":\"a@b.c\"}",
        "{\"version\":1,\"entity\":\"ada\",\"entity_type\":\"user\",\"email_address\":\"a@b.c\"}",
        "{\"version\":1,\"entity\":\"ada\",\"entity_type\":99999999999,\"email_address\":\"a\"}",
        "{\"version\":1,\"entity\":\"ada\",\"entity_type\":0}"
      })
  void aFernetTokenWithoutAybsPayloadIsRefused(String payload) {
    String token = Token.generate(new Key(KEY), payload).serialise();
    assertThrows(ConfirmationTokenCodec.InvalidTokenException.class, () -> tokens.open(token));
  }

  @Test
  void theFingerprintIdentifiesOneTokenWhateverItsSpelling() throws Exception {
    String token = tokens.mint(PAYLOAD);
    String fingerprint = tokens.open(token).fingerprint();
    assertEquals(fingerprint, tokens.open(" " + token + "\n").fingerprint());
    assertEquals(fingerprint, tokens.open(token).fingerprint());
    assertNotEquals(fingerprint, tokens.open(tokens.mint(PAYLOAD)).fingerprint());
  }
}
