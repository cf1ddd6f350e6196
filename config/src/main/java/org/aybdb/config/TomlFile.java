package org.aybdb.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Reads ayb.toml into {@link Settings}, reporting the first syntax error with its position. */
final class TomlFile {

  private TomlFile() {}

  private record Entry(String key, Object value, TomlPosition position) {}

  /**
   * @param file an absolute path to an existing file
   * @throws ConfigurationException for unreadable files and TOML syntax errors
   */
  static Settings read(Path file) {
    TomlParseResult result;
    try {
      result = Toml.parse(file);
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot read configuration file " + file + ": " + reason(file, e), e);
    }
    if (result.hasErrors()) {
      TomlParseError first = result.errors().get(0);
      int more = result.errors().size() - 1;
      throw new ConfigurationException(
          "Invalid TOML in "
              + file
              + " at line "
              + first.position().line()
              + ", column "
              + first.position().column()
              + ": "
              + first.getMessage()
              + (more > 0 ? " (and " + more + " more error" + (more == 1 ? ")" : "s)") : ""));
    }
    SettingSource source = SettingSource.file(file);
    Settings settings = new Settings();
    List<Entry> entries = new ArrayList<>();
    collect(result, "", entries);
    // Keep the file's order so that warnings read top to bottom.
    entries.sort(
        Comparator.comparingInt((Entry entry) -> entry.position().line())
            .thenComparingInt(entry -> entry.position().column()));
    for (Entry entry : entries) {
      if (entry.value() instanceof TomlTable) {
        settings.putTable(entry.key(), source);
      } else {
        settings.put(entry.key(), entry.value(), source);
      }
    }
    return settings;
  }

  private static void collect(TomlTable table, String prefix, List<Entry> entries) {
    for (String name : table.keySet()) {
      List<String> path = List.of(name);
      String key = prefix + (isBareKey(name) ? name : Toml.joinKeyPath(path));
      Object value = table.get(path);
      entries.add(new Entry(key, value, table.inputPositionOf(path)));
      if (value instanceof TomlTable nested) {
        collect(nested, key + ".", entries);
      }
    }
  }

  // A quoted key such as "a.b" must not be mistaken for the nested key a.b.
  private static boolean isBareKey(String name) {
    return !name.isEmpty()
        && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
  }

  private static String reason(Path file, IOException e) {
    if (Files.isDirectory(file)) {
      return "it is a directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
