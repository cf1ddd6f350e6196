package org.aybdb.cli.client.render;

import java.util.Locale;

/** {@code --format}: ayb's table and CSV, and the server's own JSON. */
public enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  /** The name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Renders a table in this format; JSON has no table form and is handled by the caller. */
  public String render(Tabular table) {
    return switch (this) {
      case TABLE -> TableRenderer.render(table);
      case CSV -> CsvRenderer.render(table);
      case JSON -> throw new IllegalStateException("JSON output prints the server's answer");
    };
  }
}
