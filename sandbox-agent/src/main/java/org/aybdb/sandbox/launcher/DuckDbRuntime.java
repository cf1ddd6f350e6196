package org.aybdb.sandbox.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * DuckDB's driver in a daemon runtime. Its jar bundles the native library for several platforms
 * and, when loaded, copies the one it needs to a fresh file in the temp folder — which the sandbox
 * does not allow and a shared /tmp should not hold. So the runtime keeps a copy of the jar without
 * the libraries, and this platform's library, as {@code libduckdb_java.so}, in its native folder
 * (owned by the server, read-only to daemons), where the driver's fallback ({@code
 * System.loadLibrary} on {@code java.library.path}) finds it. The server itself never loads it.
 */
final class DuckDbRuntime {

  /** The stripped jar, relative to a runtime folder. */
  static final String JAR = "lib/duckdb.jar";

  /** The native library's file name in the native folder. */
  static final String LIBRARY = "libduckdb_java.so";

  private static final String MARKER = "org/duckdb/DuckDBNative.class";

  private DuckDbRuntime() {}

  /**
   * The DuckDB driver's jar on this class path, or null without one; found as a resource, so no
   * DuckDB class is loaded.
   */
  static Path locateJar() {
    URL url = DuckDbRuntime.class.getClassLoader().getResource(MARKER);
    if (url == null) {
      return null;
    }
    try {
      if ("jar".equals(url.getProtocol())) {
        URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
        return Path.of(jar.toURI());
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return null;
    }
    return null; // a class folder (not packaged): DuckDB databases are not served
  }

  /**
   * Writes the stripped jar into {@code libDir} and this platform's library into {@code nativeDir}.
   */
  static void install(Path jar, Path libDir, Path nativeDir) throws IOException {
    String mine = "libduckdb_java.so_" + os() + "_" + arch();
    boolean found = false;
    try (ZipFile zip = new ZipFile(jar.toFile());
        ZipOutputStream out =
            new ZipOutputStream(Files.newOutputStream(libDir.resolve("duckdb.jar")))) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().startsWith("libduckdb_java.so_")) {
          if (e.getName().equals(mine)) {
            try (InputStream in = zip.getInputStream(e)) {
              Files.copy(in, nativeDir.resolve(LIBRARY));
            }
            found = true;
          }
          continue;
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream in = zip.getInputStream(e)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    if (!found) {
      // No library for this platform: no DuckDB (duckdbAvailable() says so).
      Files.delete(libDir.resolve("duckdb.jar"));
    }
  }

  private static String os() {
    String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return name.contains("mac") ? "macos" : name.contains("windows") ? "windows" : "linux";
  }

  private static String arch() {
    String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return a.equals("aarch64") || a.equals("arm64") ? "arm64" : "amd64";
  }
}
