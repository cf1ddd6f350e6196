package org.aybdb.config;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Typed access to {@link Settings}: TOML values must have the key's type; environment text is
 * converted ({@code "8080"} → 8080, {@code "true"} → true, whitespace-separated lists). Every
 * failure is a {@link ConfigurationException} naming key, expectation and source.
 */
final class TomlValues {

  private final Settings settings;
  // Names where top-level keys come from: the file, or the embedded default.
  private final String origin;

  TomlValues(Settings settings, String origin) {
    this.settings = settings;
    this.origin = origin;
  }

  /** Whether table {@code key} exists; a plain value in its place is a type error. */
  boolean hasTable(String key) {
    Optional<Settings.Value> value = settings.get(key);
    if (value.isPresent()) {
      throw wrongType(value.get(), "a table");
    }
    return settings.table(key).isPresent();
  }

  Optional<String> string(String key) {
    return value(key, "a string")
        .map(
            value -> {
              if (value.value() instanceof String text) {
                return text;
              }
              throw wrongType(value, "a string");
            });
  }

  String requiredString(String key) {
    return string(key).orElseThrow(() -> missing(key));
  }

  Optional<Long> integer(String key) {
    return value(key, "an integer")
        .map(
            value -> {
              if (value.value() instanceof Long number) {
                return number;
              }
              if (value.source().textual() && value.value() instanceof String text) {
                try {
                  return Long.parseLong(text.strip());
                } catch (NumberFormatException e) {
                  throw badText(value, "an integer");
                }
              }
              throw wrongType(value, "an integer");
            });
  }

  long requiredInteger(String key) {
    return integer(key).orElseThrow(() -> missing(key));
  }

  /** A number of bytes: a TOML integer, or text such as {@code "64MiB"} (see {@link ByteSize}). */
  Optional<Long> size(String key) {
    String expected = "a size (bytes, or text such as \"64MiB\", \"512KiB\", \"1GiB\")";
    return value(key, expected)
        .map(
            value -> {
              if (value.value() instanceof Long number) {
                return number;
              }
              if (value.value() instanceof String text) {
                try {
                  return ByteSize.parse(text);
                } catch (IllegalArgumentException e) {
                  throw badText(value, expected);
                }
              }
              throw wrongType(value, expected);
            });
  }

  Optional<Boolean> bool(String key) {
    return value(key, "a boolean")
        .map(
            value -> {
              if (value.value() instanceof Boolean flag) {
                return flag;
              }
              if (value.source().textual() && value.value() instanceof String text) {
                String normalized = text.strip().toLowerCase(Locale.ROOT);
                if (normalized.equals("true") || normalized.equals("false")) {
                  return Boolean.parseBoolean(normalized);
                }
                throw badText(value, "a boolean (true or false)");
              }
              throw wrongType(value, "a boolean");
            });
  }

  /** An array of strings; from the environment, whitespace-separated words. */
  Optional<List<String>> stringList(String key) {
    return value(key, "an array of strings")
        .map(
            value -> {
              if (value.source().textual() && value.value() instanceof String text) {
                return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
              }
              if (value.value() instanceof TomlArray array) {
                List<String> strings = new ArrayList<>();
                for (Object element : array.toList()) {
                  if (!(element instanceof String text)) {
                    throw wrongType(value, "an array of strings");
                  }
                  strings.add(text);
                }
                return List.copyOf(strings);
              }
              throw wrongType(value, "an array of strings");
            });
  }

  /** Where {@code key}'s value came from; only for keys that have one. */
  SettingSource sourceOf(String key) {
    return settings.get(key).map(Settings.Value::source).orElseThrow();
  }

  /** {@code Invalid `key` in <source>: <problem>} for a value of the right type but bad content. */
  ConfigurationException invalid(String key, String problem) {
    return new ConfigurationException(
        "Invalid `" + key + "` in " + sourceOf(key).description() + ": " + problem);
  }

  ConfigurationException missing(String key) {
    String environmentVariable = SettingSource.environmentVariableFor(key);
    int dot = key.lastIndexOf('.');
    Optional<SettingSource> table =
        dot < 0 ? Optional.empty() : settings.table(key.substring(0, dot));
    if (table.isPresent() && table.get().isEnvironment()) {
      return new ConfigurationException(
          "Missing required key `"
              + key
              + "`: table ["
              + key.substring(0, dot)
              + "] was created by "
              + table.get().description()
              + ", so set "
              + environmentVariable
              + " too"
              + unknownKeyNote(table.get()));
    }
    String where = table.map(SettingSource::description).orElse(origin);
    return new ConfigurationException(
        "Missing required key `" + key + "` in " + where + " (or set " + environmentVariable + ")");
  }

  // A typo such as AYB__EMAIL__SMTP__HOST creates [email.smtp] with nothing useful in it.
  private String unknownKeyNote(SettingSource source) {
    return settings.values().stream()
        .filter(value -> value.source().equals(source))
        .map(Settings.Value::key)
        .filter(key -> !ConfigurationKeys.isKnown(key))
        .findFirst()
        .map(key -> " (note: `" + key + "` is not a known key)")
        .orElse("");
  }

  private Optional<Settings.Value> value(String key, String expected) {
    Optional<Settings.Value> value = settings.get(key);
    if (value.isEmpty() && settings.table(key).isPresent()) {
      SettingSource source = settings.table(key).get();
      throw new ConfigurationException(
          "Invalid type for `"
              + key
              + "` in "
              + source.description()
              + ": expected "
              + expected
              + ", found a table");
    }
    return value;
  }

  private static ConfigurationException wrongType(Settings.Value value, String expected) {
    return new ConfigurationException(
        "Invalid type for `"
            + value.key()
            + "` in "
            + value.source().description()
            + ": expected "
            + expected
            + ", found "
            + typeName(value));
  }

  private static ConfigurationException badText(Settings.Value value, String expected) {
    return new ConfigurationException(
        "Invalid value for `"
            + value.key()
            + "` in "
            + value.source().description()
            + ": expected "
            + expected
            + ", got \""
            + value.value()
            + "\"");
  }

  private static String typeName(Settings.Value value) {
    Object raw = value.value();
    if (raw instanceof String) {
      return value.source().textual() ? "text" : "a string";
    } else if (raw instanceof Long) {
      return "an integer";
    } else if (raw instanceof Double) {
      return "a float";
    } else if (raw instanceof Boolean) {
      return "a boolean";
    } else if (raw instanceof TomlArray) {
      return "an array";
    } else if (raw instanceof TomlTable) {
      return "a table";
    } else if (raw instanceof TemporalAccessor) {
      return "a date/time";
    }
    return raw.getClass().getSimpleName();
  }
}
