package org.aybdb.sandbox.launcher;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.sqlite.Sqlite3;

/**
 * The files a daemon runs from, in a folder the server owns: the agent and JNA jars, JNA's native
 * dispatch library pre-extracted (the sandbox has no writable temp folder), and AppCDS archives for
 * the launcher and the daemon JVMs (created once by a training run; without them start-up is slower
 * but works).
 *
 * @param javaHome the JDK both stages run on
 * @param classPath the jars (or class folders) of the launcher and the daemon
 * @param nativeDir holds {@code libjnidispatch.so}
 * @param sqliteLibrary the libsqlite3 the daemon binds to
 * @param launcherArchive AppCDS archive of the first stage, or null
 * @param daemonArchive AppCDS archive of the daemon, or null
 */
public record SandboxRuntime(
    Path javaHome,
    List<Path> classPath,
    Path nativeDir,
    Path sqliteLibrary,
    Path launcherArchive,
    Path daemonArchive) {

  public SandboxRuntime {
    classPath = List.copyOf(classPath);
  }

  /**
   * Prepares (or reuses) a runtime below {@code root} for the jars this class was loaded from and
   * the running JDK. Safe to call at every server start: a runtime is keyed by the jars' names,
   * sizes and dates, and built in a temporary folder that is renamed into place.
   */
  public static SandboxRuntime install(Path root) throws IOException {
    return install(root, codeSource(SandboxLauncher.class), codeSource(Native.class));
  }

  /** As {@link #install(Path)}, for explicitly given jars. */
  public static SandboxRuntime install(Path root, Path agentJar, Path jnaJar) throws IOException {
    Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
    Path sqlite = Path.of(Sqlite3.locateLibrary());
    Path duckdbJar = DuckDbRuntime.locateJar();
    String key = key(agentJar, jnaJar, duckdbJar, javaHome);
    Path dir = root.toAbsolutePath().resolve(key);
    if (!Files.isRegularFile(dir.resolve("ready"))) {
      Files.createDirectories(root);
      if (!Files.isDirectory(dir)) {
        Path tmp = Files.createTempDirectory(root, key + ".tmp");
        Files.createDirectories(tmp.resolve("lib"));
        Files.createDirectories(tmp.resolve("native"));
        Files.createDirectories(tmp.resolve("cds"));
        Files.copy(agentJar, tmp.resolve("lib/sandbox-agent.jar"));
        Files.copy(jnaJar, tmp.resolve("lib/jna.jar"));
        extractDispatch(jnaJar, tmp.resolve("native"));
        if (duckdbJar != null) {
          DuckDbRuntime.install(duckdbJar, tmp.resolve("lib"), tmp.resolve("native"));
        }
        try {
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
          deleteTree(tmp);
          if (!Files.isDirectory(dir)) {
            throw raced;
          }
        }
      }
      SandboxRuntime plain = at(dir, javaHome, sqlite, false);
      buildArchives(plain, dir.resolve("cds"));
      Files.writeString(dir.resolve("ready"), "ok\n");
    }
    return at(dir, javaHome, sqlite, true);
  }

  private static SandboxRuntime at(Path dir, Path javaHome, Path sqlite, boolean archives) {
    Path launcherJsa = dir.resolve("cds/launcher.jsa");
    Path daemonJsa = dir.resolve("cds/daemon.jsa");
    List<Path> jars =
        new ArrayList<>(List.of(dir.resolve("lib/sandbox-agent.jar"), dir.resolve("lib/jna.jar")));
    if (Files.isRegularFile(dir.resolve(DuckDbRuntime.JAR))) {
      jars.add(dir.resolve(DuckDbRuntime.JAR));
    }
    return new SandboxRuntime(
        javaHome,
        jars,
        dir.resolve("native"),
        sqlite,
        archives && Files.isRegularFile(launcherJsa) ? launcherJsa : null,
        archives && Files.isRegularFile(daemonJsa) ? daemonJsa : null);
  }

  /** Whether DuckDB databases can be served: DuckDB's jar and native library are installed. */
  public boolean duckdbAvailable() {
    return Files.isRegularFile(nativeDir.resolve(DuckDbRuntime.LIBRARY));
  }

  /** This runtime without AppCDS archives (to measure what they save). */
  public SandboxRuntime withoutArchives() {
    return new SandboxRuntime(javaHome, classPath, nativeDir, sqliteLibrary, null, null);
  }

  /** The path of the {@code java} launcher. */
  public Path javaExecutable() {
    return javaHome.resolve("bin/java");
  }

  /**
   * Training runs that record the classes each JVM loads into dynamic AppCDS archives. Failures are
   * not fatal: the archives are an optimization.
   */
  private static void buildArchives(SandboxRuntime runtime, Path cds) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory(cds, "train");
      Path db = scratch.resolve("train.sqlite");
      SandboxConfig config = SandboxConfig.builder().sandboxed(false).build();
      // The daemon: a training run (a few queries of every kind, then SHUTDOWN) lists the classes
      // it loads, and a static archive of exactly those replaces the JDK's default one (why: see
      // SandboxCommand.archiveDump).
      Path classList = cds.resolve("daemon.classlist");
      List<String> daemon = SandboxCommand.daemonJvm(config, runtime, db, classList, 1, "train");
      Process p =
          new ProcessBuilder(daemon)
              .directory(scratch.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (var out = p.getOutputStream();
          var in = p.getInputStream()) {
        var writer = new BufferedOutputStream(out);
        String[] sql = {
          "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL, d BLOB)",
          "INSERT INTO t(b, c, d) VALUES ('x', 1.5, x'41'), (NULL, 1e-7, NULL)",
          "SELECT * FROM t; SELECT * FROM t WHERE a = 1",
          "SELECT * FROM missing"
        };
        long id = 1;
        for (String s : sql) {
          FrameCodec.writeRequest(writer, Request.Query.of(id++, QueryMode.READ_WRITE, s));
        }
        FrameCodec.writeRequest(
            writer, Request.Query.of(id++, QueryMode.READ_ONLY, "SELECT count(*) FROM t"));
        FrameCodec.writeRequest(writer, new Request.Ping(id++));
        FrameCodec.writeRequest(writer, new Request.Shutdown(id));
        in.transferTo(OutputStream.nullOutputStream());
      }
      if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
        Path tmp = cds.resolve("daemon.jsa.tmp");
        writeArchive(
            SandboxCommand.daemonArchiveDump(config, runtime, classList, tmp),
            classList,
            tmp,
            cds.resolve("daemon.jsa"),
            scratch);
      } else {
        p.destroyForcibly();
      }
      // The first stage: a --check run that applies the sandbox lists its classes the same way.
      SandboxConfig sandboxed = SandboxConfig.builder().build();
      Path launcherList = cds.resolve("launcher.classlist");
      List<String> launcher = SandboxCommand.launcherJvm(runtime, launcherList);
      launcher.add("--check");
      launcher.addAll(SandboxCommand.policyOptions(sandboxed, runtime, scratch, false));
      Process l =
          new ProcessBuilder(launcher)
              .directory(scratch.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (l.waitFor(60, TimeUnit.SECONDS) && l.exitValue() == 0) {
        Path tmp = cds.resolve("launcher.jsa.tmp");
        writeArchive(
            SandboxCommand.launcherArchiveDump(runtime, launcherList, tmp),
            launcherList,
            tmp,
            cds.resolve("launcher.jsa"),
            scratch);
      } else {
        l.destroyForcibly();
      }
    } catch (IOException e) {
      // No archives: slower start-up only.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (scratch != null) {
        deleteTree(scratch);
      }
    }
  }

  /**
   * Runs {@code dump}, an {@code -Xshare:dump} writing {@code tmp} from the classes a training run
   * listed in {@code classList} (if it did), and moves the archive to {@code target}.
   */
  private static void writeArchive(
      List<String> dump, Path classList, Path tmp, Path target, Path scratch)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(classList)) {
      return;
    }
    Process p =
        new ProcessBuilder(dump)
            .directory(scratch.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
      moveIfPresent(tmp, target);
    } else {
      p.destroyForcibly();
      Files.deleteIfExists(tmp);
    }
  }

  private static void moveIfPresent(Path from, Path to) throws IOException {
    if (Files.isRegularFile(from) && Files.size(from) > 0) {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void extractDispatch(Path jnaJar, Path nativeDir) throws IOException {
    String resource =
        "com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName("jnidispatch");
    try (var jar = new java.util.zip.ZipFile(jnaJar.toFile())) {
      var entry = jar.getEntry(resource);
      if (entry == null) {
        throw new IOException(jnaJar + " has no " + resource);
      }
      try (InputStream in = jar.getInputStream(entry)) {
        Files.copy(in, nativeDir.resolve(System.mapLibraryName("jnidispatch")));
      }
    }
  }

  /** The jar (or class folder) a class was loaded from. */
  public static Path codeSource(Class<?> type) {
    try {
      var source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        throw new IllegalStateException("cannot tell where " + type.getName() + " comes from");
      }
      java.net.URL location = source.getLocation();
      if (!"file".equals(location.getProtocol())) {
        return physicalFile(location);
      }
      return Path.of(location.toURI());
    } catch (URISyntaxException | IOException | ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot locate the jar of "
              + type.getName()
              + "; use SandboxRuntime.install(root, agentJar, jnaJar)",
          e);
    }
  }

  /**
   * The file behind a server's virtual file system URL: WildFly loads jars from {@code vfs:} URLs,
   * whose content is a {@code VirtualFile}. A jar's own folder there is a lazily filled mount, but
   * the folder holding the jar (the EAR's {@code lib/}, unpacked to disk) has the real file.
   */
  private static Path physicalFile(java.net.URL location)
      throws IOException, ReflectiveOperationException {
    Object jar = location.openConnection().getContent();
    Object folder = jar.getClass().getMethod("getParent").invoke(jar);
    String name = (String) jar.getClass().getMethod("getName").invoke(jar);
    Path file = physical(folder).resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no jar " + file + " behind " + location);
    }
    return file;
  }

  private static Path physical(Object virtualFile) throws ReflectiveOperationException {
    return ((java.io.File) virtualFile.getClass().getMethod("getPhysicalFile").invoke(virtualFile))
        .toPath();
  }

  private static String key(Path agentJar, Path jnaJar, Path duckdbJar, Path javaHome)
      throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      List<Path> jars = new ArrayList<>(List.of(agentJar, jnaJar));
      if (duckdbJar != null) {
        jars.add(duckdbJar);
      }
      for (Path p : jars) {
        md.update(p.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
        md.update(Long.toString(Files.size(p)).getBytes(StandardCharsets.UTF_8));
        md.update(
            Long.toString(Files.getLastModifiedTime(p).toMillis())
                .getBytes(StandardCharsets.UTF_8));
      }
      md.update(javaHome.toString().getBytes(StandardCharsets.UTF_8));
      md.update(System.getProperty("java.vm.version", "").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      List<Path> paths = new ArrayList<>(walk.toList());
      java.util.Collections.reverse(paths);
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // best effort
    }
  }
}
