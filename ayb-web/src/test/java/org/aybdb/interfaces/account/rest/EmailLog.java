package org.aybdb.interfaces.account.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The file e-mail backend of the server under test: {@code <AYB__DATA_PATH>/emails.jsonl}, where
 * the embedded default configuration writes every message.
 */
final class EmailLog {

  private final Path file;

  EmailLog() {
    String dataPath =
        Objects.requireNonNull(System.getenv("AYB__DATA_PATH"), "AYB__DATA_PATH is not set");
    file = Path.of(dataPath).resolve("emails.jsonl");
  }

  /** The server's Fernet key, generated into the data path by the embedded default. */
  static String fernetKey() throws Exception {
    return Files.readString(Path.of(System.getenv("AYB__DATA_PATH")).resolve("fernet.key")).strip();
  }

  /** Every message to {@code address}, oldest first. */
  List<JsonObject> messagesTo(String address) throws Exception {
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file).stream()
        .map(line -> Json.createReader(new StringReader(line)).readObject())
        .filter(message -> address.equals(message.getString("to")))
        .toList();
  }

  /** The newest message to {@code address}; fails if there is none. */
  JsonObject lastMessageTo(String address) throws Exception {
    List<JsonObject> messages = messagesTo(address);
    if (messages.isEmpty()) {
      throw new AssertionError("No e-mail to " + address + " in " + file);
    }
    return messages.get(messages.size() - 1);
  }

  /**
   * The confirmation token of a message, found as ayb's own tests find it: the text after {@code
   * ayb client confirm } on the first content line that starts with a TAB and has it.
   */
  static String token(JsonObject message) {
    return message.getJsonArray("content").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .filter(line -> line.startsWith("\t") && line.contains("ayb client confirm "))
        .map(line -> line.substring(line.indexOf("ayb client confirm ") + 19))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No token in " + message));
  }

  /** The newest confirmation token mailed to {@code address}. */
  String lastTokenTo(String address) throws Exception {
    return token(lastMessageTo(address));
  }
}
