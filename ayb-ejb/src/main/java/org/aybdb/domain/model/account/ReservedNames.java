package org.aybdb.domain.model.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Entity slugs nobody may register (ayb's list of 607: {@code register}, {@code admin}, {@code v1},
 * ...), compared case-insensitively. Kept in {@code reserved-usernames.txt} beside this class, one
 * per line, {@code #} for comments.
 */
public final class ReservedNames {

  private static final Set<String> NAMES = load();

  private ReservedNames() {}

  /** Whether {@code slug}, in any letter case, is reserved. */
  public static boolean isReserved(String slug) {
    return NAMES.contains(Objects.requireNonNull(slug, "slug").toLowerCase(Locale.ROOT));
  }

  /** How many names are reserved. */
  public static int count() {
    return NAMES.size();
  }

  private static Set<String> load() {
    Set<String> names = new HashSet<>();
    try (InputStream in = ReservedNames.class.getResourceAsStream("reserved-usernames.txt")) {
      if (in == null) {
        throw new IllegalStateException("reserved-usernames.txt is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reserved-usernames.txt", e);
    }
    return Set.copyOf(names);
  }
}
