package org.aybdb.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;

/** Raw text request bodies (SQL, a snapshot id): UTF-8 whatever the content type says. */
public final class TextBodies {

  /** How much of a refused body is read and thrown away before the 413 goes out. */
  static final long DRAIN_BYTES = 4L << 20;

  private TextBodies() {}

  /**
   * Reads the whole body as UTF-8 text of at most {@code maxBytes} bytes.
   *
   * @param what what the body is, for the messages ("SQL")
   * @throws AybException 413 for a longer body, 400 for bytes that are not UTF-8
   */
  public static String readUtf8(InputStream body, int maxBytes, String what) {
    Objects.requireNonNull(what, "what");
    byte[] bytes;
    try {
      if (body == null) {
        return "";
      }
      bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        // Take in a bounded rest, so that a client still sending reads the answer (see JsonBodies).
        byte[] scratch = new byte[8192];
        long drained = 0;
        for (int read = 0; read >= 0 && drained < DRAIN_BYTES; read = body.read(scratch)) {
          drained += read;
        }
        throw tooLarge(what, maxBytes);
      }
    } catch (IOException e) {
      throw stalled();
    }
    return decodeUtf8(bytes, what);
  }

  /** 413 for a body of more than {@code maxBytes} bytes. */
  public static AybException tooLarge(String what, int maxBytes) {
    return new AybException(
        ErrorType.Other,
        AybException.Kind.TOO_LARGE,
        "The " + what + " is too large: at most " + maxBytes + " bytes are accepted");
  }

  /**
   * 408 for a body that could not be read: it stalled past the HTTP listener's blocking-read
   * timeout, or the client went away. A client mistake, so no stack trace is logged.
   */
  static AybException stalled() {
    return new AybException(
        ErrorType.Other,
        AybException.Kind.TIMED_OUT,
        "The request body did not arrive in time; send it without pausing");
  }

  /**
   * {@code bytes} as UTF-8 text.
   *
   * @throws AybException 400 for bytes that are not UTF-8
   */
  static String decodeUtf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw AybException.badRequest("The " + what + " must be UTF-8 text");
    }
  }

  /**
   * Refuses SQL holding a NUL byte (400 {@code QueryError}): SQLite stops reading a statement at
   * the NUL and would run what follows as the next one, text that logs and screens cut off.
   */
  public static String requireNoNul(String sql) {
    int at = sql.indexOf('\0');
    if (at >= 0) {
      throw new AybException(
          ErrorType.QueryError,
          AybException.Kind.INVALID_INPUT,
          "The query contains a NUL byte (at character " + at + "); SQL text must not contain NUL");
    }
    return sql;
  }
}
