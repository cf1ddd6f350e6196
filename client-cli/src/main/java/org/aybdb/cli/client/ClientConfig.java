package org.aybdb.cli.client;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.api.Json;

/**
 * The client's saved state, ayb.json: the API token for each server URL and the default URL.
 *
 * <p>Written exactly as ayb writes it: compact JSON with the fields in the order {@code version},
 * {@code authentication}, {@code default_url}, strings escaped like serde_json, no trailing
 * newline, parent folders created. A missing file reads as the empty configuration. The file is
 * replaced atomically; a new file is readable by its owner only, since it holds API tokens.
 */
public final class ClientConfig {

  private long version = 1;
  private final Map<String, String> authentication = new LinkedHashMap<>();
  private String defaultUrl;

  /** The configuration in {@code file}, or the empty one if there is no such file. */
  public static ClientConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new ClientConfig();
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.CONFIG, "can't read the client configuration " + file + ": " + reason(e), e);
    }
    try {
      return parse(text);
    } catch (JsonException | ClassCastException | ArithmeticException e) {
      throw new CliException(
          ExitCodes.CONFIG,
          file + " is not a valid ayb client configuration: " + e.getMessage(),
          e);
    }
  }

  static ClientConfig parse(String text) {
    JsonObject json = Json.parseObject(text);
    ClientConfig config = new ClientConfig();
    JsonValue version = json.get("version");
    if (version != null) {
      if (!(version instanceof JsonNumber number)
          || !number.isIntegral()
          || number.longValue() < 0) {
        throw new JsonException("`version` must be a non-negative integer");
      }
      config.version = number.longValueExact();
    }
    JsonValue authentication = json.get("authentication");
    if (authentication != null && authentication.getValueType() != JsonValue.ValueType.NULL) {
      if (authentication.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new JsonException("`authentication` must be an object of URL to token");
      }
      for (Map.Entry<String, JsonValue> entry : authentication.asJsonObject().entrySet()) {
        if (!(entry.getValue() instanceof JsonString token)) {
          throw new JsonException("the token for " + entry.getKey() + " must be a string");
        }
        config.authentication.put(entry.getKey(), token.getString());
      }
    }
    config.defaultUrl = Json.optionalString(json, "default_url");
    return config;
  }

  /** The file's contents, byte for byte ayb's serialization. */
  public String toJson() {
    StringBuilder out = new StringBuilder("{\"version\":").append(version);
    out.append(",\"authentication\":").append(Json.object(authentication));
    out.append(",\"default_url\":").append(defaultUrl == null ? "null" : Json.quote(defaultUrl));
    return out.append('}').toString();
  }

  /** Writes the configuration to {@code file}, creating its folder. */
  public void write(Path file) {
    try {
      Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
      Path folder = target.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".ayb.json.", ".tmp");
      try {
        if (posix()) {
          Set<PosixFilePermission> permissions =
              Files.exists(target)
                  ? Files.getPosixFilePermissions(target)
                  : PosixFilePermissions.fromString("rw-------");
          Files.setPosixFilePermissions(temporary, permissions);
        }
        Files.writeString(temporary, toJson(), StandardCharsets.UTF_8);
        try {
          Files.move(
              temporary,
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.CONFIG, "can't write the client configuration " + file + ": " + reason(e), e);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null ? type : type + " " + message;
  }

  public long version() {
    return version;
  }

  /** Server URL to API token, in the file's order. */
  public Map<String, String> authentication() {
    return Collections.unmodifiableMap(authentication);
  }

  public String token(String url) {
    return authentication.get(url);
  }

  public void saveToken(String url, String token) {
    authentication.put(url, token);
  }

  public String defaultUrl() {
    return defaultUrl;
  }

  public void setDefaultUrl(String url) {
    this.defaultUrl = url;
  }
}
