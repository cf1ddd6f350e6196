package org.aybdb.sandbox.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.aybdb.sandbox.daemon.DaemonOptions;
import org.aybdb.sandbox.daemon.Engine;
import org.aybdb.sandbox.daemon.QueryDaemon;

/**
 * Builds the command lines that start a daemon (or any program) through the first stage. The server
 * runs {@link #daemon} with {@code DaemonProcess.start}, in the database's directory.
 */
public final class SandboxCommand {

  /** System folders the JVM and libsqlite3 load from (those that exist). */
  static final List<String> SYSTEM_READ_ONLY =
      List.of(
          "/usr/lib",
          "/usr/lib64",
          "/lib",
          "/lib64",
          "/etc/ld.so.cache",
          "/dev/urandom",
          "/dev/random");

  /** What a DuckDB daemon reads beyond a SQLite one. */
  static final List<String> DUCKDB_READ_ONLY = List.of("/proc/self/cgroup", "/sys/fs/cgroup");

  /**
   * Flags of both JVMs: C1 only and the serial collector (quick start, small footprint), no
   * perf-data file or attach listener (both would want /tmp), JVM warnings to stderr (unified
   * logging writes to stdout by default, which is the protocol channel).
   *
   * <p>A crash leaves no file: both JVMs run in the database's folder, where an {@code
   * hs_err_pid*.log}, a core dump or a compiler replay file would be readable by the tenant (and
   * hold the daemon's memory). The crash report goes to stderr (the server's log) instead, core
   * dumps are off (the launcher also sets {@code RLIMIT_CORE} to 0 for native aborts), and so are
   * replay files. No folder outside the tenant's has to be writable for this.
   */
  static final List<String> NO_CRASH_FILES =
      List.of(
          "-XX:+ErrorFileToStderr",
          "-XX:+DisplayVMOutputToStderr",
          "-XX:-CreateCoredumpOnCrash",
          "-XX:-DumpReplayDataOnError",
          "-XX:-HeapDumpOnOutOfMemoryError");

  private static final List<String> SMALL_JVM =
      List.of(
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:-UsePerfData",
          "-XX:+DisableAttachMechanism",
          "-Xshare:auto",
          "-Xlog:disable",
          "-Xlog:all=warning:stderr");

  private SandboxCommand() {}

  /** The command that starts the query daemon for {@code dbFile}, sandboxed as configured. */
  public static List<String> daemon(SandboxConfig config, SandboxRuntime runtime, Path dbFile) {
    return daemon(config, runtime, dbFile, Engine.SQLITE);
  }

  /**
   * The command that starts the daemon for {@code dbFile} of the given engine. A DuckDB daemon gets
   * more RLIMIT_DATA ({@link SandboxConfig#duckdbDataLimitBytes()}), reads its cgroup limits, and
   * loads DuckDB's native library from the runtime's read-only native folder; it is never one of
   * the pre-started first stages (their policy is SQLite's).
   */
  public static List<String> daemon(
      SandboxConfig config, SandboxRuntime runtime, Path dbFile, Engine engine) {
    List<String> cmd = prestarted(config, runtime);
    cmd.remove(SandboxLauncher.AWAIT_ASSIGNMENT);
    if (engine == Engine.DUCKDB) {
      cmd.add("--rlimit-data=" + config.duckdbDataLimitBytes()); // the last one counts
      // DuckDB reads its cgroup's memory and CPU limits when a database opens and aborts the
      // process when it cannot: read-only, nothing else of /proc or /sys.
      for (String p : DUCKDB_READ_ONLY) {
        if (Files.exists(Path.of(p))) {
          cmd.add("--ro=" + p);
        }
      }
    }
    cmd.addAll(assignment(config, runtime, dbFile, engine));
    return cmd;
  }

  /**
   * The command of a pre-started first stage: {@link #daemon}'s without the part that names the
   * database, which {@link #assignment} gives it on stdin when a database needs a daemon. Every
   * rule but the writable folder is fixed here; the first stage applies none before it knows that
   * folder, so the daemon starts under exactly the policy {@link #daemon} gives it.
   */
  public static List<String> prestarted(SandboxConfig config, SandboxRuntime runtime) {
    List<String> cmd = wrapper(config);
    boolean wrapped = !cmd.isEmpty();
    cmd.addAll(launcherJvm(runtime, null));
    cmd.addAll(policyOptions(config, runtime, null, wrapped));
    cmd.addAll(limitOptions(config));
    cmd.add(SandboxLauncher.AWAIT_ASSIGNMENT);
    return cmd;
  }

  /**
   * The arguments that bind a first stage to {@code dbFile}'s folder: the folder writable, SQLite's
   * temporary files there, the working directory, and the daemon's command line.
   */
  public static List<String> assignment(SandboxConfig config, SandboxRuntime runtime, Path dbFile) {
    return assignment(config, runtime, dbFile, Engine.SQLITE);
  }

  private static List<String> assignment(
      SandboxConfig config, SandboxRuntime runtime, Path dbFile, Engine engine) {
    Path file = dbFile.toAbsolutePath().normalize();
    Path dir = file.getParent();
    List<String> cmd = new ArrayList<>();
    cmd.add("--rw=" + dir);
    cmd.add("--env=SQLITE_TMPDIR=" + dir);
    cmd.add("--chdir=" + dir);
    cmd.add("--");
    cmd.addAll(
        daemonJvm(
            config,
            runtime,
            file,
            null,
            SandboxLauncher.PROTOCOL_FD,
            SandboxLauncher.STATUS_PLACEHOLDER,
            engine));
    return cmd;
  }

  /**
   * The command that runs {@code mainClass} through the same first stage and policy as a daemon
   * whose writable folder is {@code rwDir} (used by the sandbox tests' probe program).
   */
  public static List<String> program(
      SandboxConfig config,
      SandboxRuntime runtime,
      Path rwDir,
      List<Path> extraClassPath,
      String mainClass,
      List<String> args) {
    Path dir = rwDir.toAbsolutePath().normalize();
    List<Path> classPath = new ArrayList<>(runtime.classPath());
    classPath.addAll(extraClassPath);
    SandboxRuntime extended =
        new SandboxRuntime(
            runtime.javaHome(),
            classPath,
            runtime.nativeDir(),
            runtime.sqliteLibrary(),
            runtime.launcherArchive(),
            null);
    List<String> cmd = wrapper(config);
    boolean wrapped = !cmd.isEmpty();
    cmd.addAll(launcherJvm(runtime, null));
    cmd.addAll(policyOptions(config, extended, dir, wrapped));
    cmd.addAll(limitOptions(config));
    cmd.add("--env=SQLITE_TMPDIR=" + dir);
    cmd.add("--");
    cmd.addAll(daemonJvmFlags(config, extended, null));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /**
   * {@code unshare -Urn} in front of the first stage when the server is not root (a JVM cannot
   * create a user namespace itself: it is multi-threaded) and that works here.
   */
  private static List<String> wrapper(SandboxConfig config) {
    List<String> cmd = new ArrayList<>();
    if (config.sandboxed()
        && config.network() != SandboxConfig.NetworkIsolation.OFF
        && SandboxSupport.probe().networkNamespace()
            == SandboxSupport.NetnsMethod.UNSHARE_WRAPPER) {
      cmd.addAll(List.of(SandboxSupport.UNSHARE, "--user", "--map-root-user", "--net", "--"));
    }
    return cmd;
  }

  /**
   * The first stage's JVM: small and quick to start. With {@code classList} set (the training run),
   * the JVM writes the classes it loads there instead of using an archive.
   */
  static List<String> launcherJvm(SandboxRuntime runtime, Path classList) {
    List<String> cmd = launcherJvmOptions(runtime);
    cmd.addAll(archive(classList, runtime.launcherArchive()));
    cmd.addAll(jnaAndClassPath(runtime));
    cmd.add(SandboxLauncher.class.getName());
    return cmd;
  }

  /** The command that writes the first stage's static AppCDS archive (see {@link #archiveDump}). */
  static List<String> launcherArchiveDump(SandboxRuntime runtime, Path classList, Path archive) {
    return archiveDump(launcherJvmOptions(runtime), runtime, classList, archive);
  }

  /** The first stage's java and the options its archive must agree with. */
  private static List<String> launcherJvmOptions(SandboxRuntime runtime) {
    List<String> cmd = new ArrayList<>();
    cmd.add(runtime.javaExecutable().toString());
    cmd.addAll(List.of("-Xmx32m", "-Xss512k"));
    cmd.addAll(SMALL_JVM);
    cmd.addAll(NO_CRASH_FILES);
    return cmd;
  }

  /**
   * The daemon's JVM flags, up to (not including) the main class. With {@code classList} set (the
   * training run), the JVM writes the classes it loads there instead of using an archive.
   */
  static List<String> daemonJvmFlags(SandboxConfig config, SandboxRuntime runtime, Path classList) {
    List<String> cmd = daemonJvmOptions(config, runtime);
    cmd.addAll(archive(classList, runtime.daemonArchive()));
    cmd.addAll(jnaAndClassPath(runtime));
    return cmd;
  }

  /** The command that writes the daemon's static AppCDS archive (see {@link #archiveDump}). */
  static List<String> daemonArchiveDump(
      SandboxConfig config, SandboxRuntime runtime, Path classList, Path archive) {
    return archiveDump(daemonJvmOptions(config, runtime), runtime, classList, archive);
  }

  /**
   * The command that writes a static AppCDS archive {@code archive} of the classes a training run
   * listed in {@code classList}, with the JVM {@code options} (and class path) of the JVM that will
   * map it, or that JVM would refuse it. The archive replaces the JDK's default one: this JDK maps
   * archives at a random address and so rewrites every page of them, which makes them private to
   * each process, and the default archive holds some 1,300 classes a first stage or a daemon mostly
   * never loads.
   */
  private static List<String> archiveDump(
      List<String> options, SandboxRuntime runtime, Path classList, Path archive) {
    List<String> cmd = new ArrayList<>(options);
    cmd.remove("-Xshare:auto");
    cmd.add("-Xshare:dump");
    cmd.add("-XX:SharedClassListFile=" + classList);
    cmd.add("-XX:SharedArchiveFile=" + archive);
    cmd.addAll(jnaAndClassPath(runtime));
    return cmd;
  }

  /** A training run lists the classes it loads in {@code classList}; any other maps the archive. */
  private static List<String> archive(Path classList, Path archive) {
    if (classList != null) {
      return List.of("-XX:DumpLoadedClassList=" + classList);
    }
    return archive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + archive);
  }

  /**
   * The daemon's java and the options its archive must agree with, without archive or class path.
   * The daemon runs C1 only, as the first stage does: C2 would serve a warm point query in less
   * CPU, but its compilations take native memory in chunks of megabytes, and under the daemon's
   * RLIMIT_DATA a busy daemon then aborted in the middle of a compilation.
   */
  private static List<String> daemonJvmOptions(SandboxConfig config, SandboxRuntime runtime) {
    List<String> cmd = new ArrayList<>();
    cmd.add(runtime.javaExecutable().toString());
    cmd.addAll(
        List.of(
            "-Xmx" + config.daemonHeap(),
            "-Xms" + config.daemonHeap(),
            "-Xss256k",
            "-XX:ReservedCodeCacheSize=8m",
            "-XX:CompressedClassSpaceSize=16m",
            "-XX:MaxMetaspaceSize=32m",
            "-XX:-UseContainerSupport"));
    cmd.addAll(SMALL_JVM);
    cmd.addAll(NO_CRASH_FILES);
    cmd.add("-Dayb.sqlite.library=" + runtime.sqliteLibrary());
    return cmd;
  }

  /** JNA's settings and the class path, the last options before the main class. */
  private static List<String> jnaAndClassPath(SandboxRuntime runtime) {
    List<String> cmd = new ArrayList<>(jnaProperties(runtime));
    cmd.add("-cp");
    cmd.add(classPath(runtime));
    return cmd;
  }

  /**
   * The daemon's full command line (what the first stage execs); {@code classList} is for the
   * training run only (see {@link #daemonJvmFlags}).
   */
  static List<String> daemonJvm(
      SandboxConfig config,
      SandboxRuntime runtime,
      Path dbFile,
      Path classList,
      int protocolFd,
      String status) {
    return daemonJvm(config, runtime, dbFile, classList, protocolFd, status, Engine.SQLITE);
  }

  /** As above, for a database of {@code engine}. */
  static List<String> daemonJvm(
      SandboxConfig config,
      SandboxRuntime runtime,
      Path dbFile,
      Path classList,
      int protocolFd,
      String status,
      Engine engine) {
    List<String> cmd = daemonJvmFlags(config, runtime, classList);
    if (engine == Engine.DUCKDB) {
      // DuckDB's driver loads libduckdb_java.so from here when its jar holds no copy to unpack
      // (the runtime's copy of the jar has none): nothing is written to a temp folder.
      cmd.add(cmd.size() - 2, "-Djava.library.path=" + runtime.nativeDir());
    }
    cmd.add(QueryDaemon.class.getName());
    DaemonOptions options =
        new DaemonOptions(
            dbFile,
            protocolFd,
            config.maxSqlBytes(),
            config.maxValueLength(),
            config.defaultTimeoutMillis(),
            config.defaultMaxRows(),
            config.defaultMaxBytes(),
            DaemonOptions.DEFAULT_BUSY_TIMEOUT_MILLIS,
            config.fileSizeLimitBytes(),
            status,
            config.maxNestingKeywords(),
            config.maxViewsAndTriggers(),
            config.requestStackBytes(),
            engine,
            config.duckdbMemoryBytes());
    cmd.addAll(options.toArgs());
    return cmd;
  }

  /** Mode, network and Landlock options of the first stage ({@code rwDir} null: none writable). */
  static List<String> policyOptions(
      SandboxConfig config, SandboxRuntime runtime, Path rwDir, boolean externalNetns) {
    List<String> cmd = new ArrayList<>();
    cmd.add("--mode=" + (config.sandboxed() ? "sandboxed" : "unsandboxed"));
    cmd.add("--min-landlock-abi=" + config.minLandlockAbi());
    cmd.add(
        "--netns="
            + (externalNetns
                ? "external"
                : switch (config.network()) {
                  case AUTO -> "auto";
                  case REQUIRED -> "required";
                  case OFF -> "off";
                }));
    for (Path p : readOnlyPaths(config, runtime)) {
      cmd.add("--ro=" + p);
    }
    if (rwDir != null) {
      cmd.add("--rw=" + rwDir);
    }
    return cmd;
  }

  private static List<String> limitOptions(SandboxConfig config) {
    List<String> cmd = new ArrayList<>();
    cmd.add("--rlimit-data=" + config.dataLimitBytes());
    cmd.add("--rlimit-fsize=" + config.fileSizeLimitBytes());
    cmd.add("--rlimit-nofile=" + config.openFilesLimit());
    cmd.add("--rlimit-nproc=" + config.processLimit());
    cmd.add("--env=MALLOC_ARENA_MAX=1");
    cmd.add("--env=LANG=C.UTF-8");
    return cmd;
  }

  /** Everything the sandboxed JVM reads: the JDK (and its links out), jars, native libraries. */
  static List<Path> readOnlyPaths(SandboxConfig config, SandboxRuntime runtime) {
    Set<Path> paths = new LinkedHashSet<>();
    paths.add(runtime.javaHome());
    paths.addAll(linkTargets(runtime.javaHome()));
    for (Path p : runtime.classPath()) {
      paths.add(p.toAbsolutePath());
    }
    paths.add(runtime.nativeDir().toAbsolutePath());
    if (runtime.launcherArchive() != null) {
      paths.add(runtime.launcherArchive());
    }
    if (runtime.daemonArchive() != null) {
      paths.add(runtime.daemonArchive());
    }
    paths.add(realOrSelf(runtime.sqliteLibrary()));
    for (String s : SYSTEM_READ_ONLY) {
      if (Files.exists(Path.of(s))) {
        paths.add(Path.of(s));
      }
    }
    paths.addAll(config.extraReadOnlyPaths());
    return new ArrayList<>(paths);
  }

  private static final Map<Path, List<Path>> LINK_TARGETS = new ConcurrentHashMap<>();

  /**
   * Targets of symlinks in the JDK's lib and conf that point outside it (Debian: /etc); walked once
   * per JDK.
   */
  private static List<Path> linkTargets(Path javaHome) {
    return LINK_TARGETS.computeIfAbsent(javaHome, SandboxCommand::findLinkTargets);
  }

  private static List<Path> findLinkTargets(Path javaHome) {
    List<Path> targets = new ArrayList<>();
    for (String sub : List.of("lib", "conf")) {
      addLinkTargets(javaHome, javaHome.resolve(sub), targets);
    }
    return List.copyOf(targets);
  }

  private static void addLinkTargets(Path javaHome, Path dir, List<Path> targets) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir, 4)) {
      walk.filter(Files::isSymbolicLink)
          .forEach(
              link -> {
                Path target = realOrSelf(link);
                if (!target.startsWith(javaHome) && Files.exists(target)) {
                  targets.add(target);
                }
              });
    } catch (IOException | RuntimeException e) {
      // Best effort: a missing target shows up as a start-up failure, not a hole.
    }
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath();
    }
  }

  private static List<String> jnaProperties(SandboxRuntime runtime) {
    Path libDir = realOrSelf(runtime.sqliteLibrary()).getParent();
    return List.of(
        "-Djna.boot.library.path=" + runtime.nativeDir(),
        // Set, so that JNA does not run "ldconfig -p" to find the system's library folders.
        "-Djna.platform.library.path=" + (libDir == null ? "/usr/lib" : libDir),
        "-Djna.nounpack=true",
        "-Djna.nosys=true",
        "-Djna.encoding=UTF-8");
  }

  private static String classPath(SandboxRuntime runtime) {
    StringBuilder sb = new StringBuilder();
    for (Path p : runtime.classPath()) {
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(p.toAbsolutePath());
    }
    return sb.toString();
  }
}
