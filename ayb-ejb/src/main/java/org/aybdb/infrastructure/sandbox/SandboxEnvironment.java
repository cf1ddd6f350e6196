package org.aybdb.infrastructure.sandbox;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.launcher.SandboxLauncher;
import org.aybdb.sandbox.launcher.SandboxRuntime;
import org.aybdb.sandbox.launcher.SandboxSupport;

/**
 * What this server can run its daemons with, decided once at start-up: the installed runtime, and
 * whether daemons are sandboxed, unsandboxed (only when the configuration allows it explicitly) or
 * not started at all (fail closed).
 *
 * @param mode the decision
 * @param config the configuration daemons are started with (unsandboxed in that mode)
 * @param runtime the installed runtime, or null when it could not be installed
 * @param status one line for logs and health: the verified sandbox, or why there is none
 * @param problems why the sandbox cannot be enforced here (empty when it can)
 */
public record SandboxEnvironment(
    Mode mode, SandboxConfig config, SandboxRuntime runtime, String status, List<String> problems) {

  private static final Logger LOG = Logger.getLogger(SandboxEnvironment.class.getName());

  /** How queries run on this server. */
  public enum Mode {
    /** Every daemon runs inside the full sandbox, verified at start-up. */
    SANDBOXED,
    /** The sandbox cannot be enforced and the configuration allows running without it. */
    UNSANDBOXED,
    /**
     * The sandbox cannot be enforced and running without it is not allowed: queries are refused.
     */
    REFUSED
  }

  public SandboxEnvironment {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(status, "status");
    problems = List.copyOf(problems);
  }

  /** Whether daemons can be started. */
  public boolean serving() {
    return mode != Mode.REFUSED;
  }

  /**
   * Installs the runtime below {@code runtimeRoot}, probes the machine and runs the real first
   * stage once ({@code --check}) in {@code scratch}, then decides the mode.
   *
   * @param wanted the sandboxed configuration from {@code [sandbox]}
   * @param allowUnsandboxed {@code [sandbox] allow_unsandboxed}
   */
  public static SandboxEnvironment prepare(
      SandboxConfig wanted, boolean allowUnsandboxed, Path runtimeRoot, Path scratch) {
    SandboxRuntime runtime;
    try {
      runtime = install(runtimeRoot);
    } catch (IOException | RuntimeException e) {
      String problem = "the daemon runtime cannot be installed in " + runtimeRoot + ": " + e;
      return new SandboxEnvironment(
          Mode.REFUSED, wanted, null, "refusing queries: " + problem, List.of(problem));
    }
    return decide(wanted, allowUnsandboxed, runtime, scratch);
  }

  /** As {@link #prepare}, with a runtime already installed. */
  public static SandboxEnvironment decide(
      SandboxConfig wanted, boolean allowUnsandboxed, SandboxRuntime runtime, Path scratch) {
    SandboxSupport.Status probe = SandboxSupport.probe();
    List<String> problems = new ArrayList<>(probe.problems(wanted));
    if (problems.isEmpty()) {
      try {
        String verified = SandboxSupport.verify(wanted, runtime, scratch);
        return new SandboxEnvironment(
            Mode.SANDBOXED, wanted, runtime, verified + " (" + probe.summary() + ")", List.of());
      } catch (IOException e) {
        problems.add(e.getMessage());
      }
    }
    SandboxConfig unsandboxed = wanted.toBuilder().sandboxed(false).build();
    if (allowUnsandboxed && probe.problems(unsandboxed).isEmpty()) {
      return new SandboxEnvironment(
          Mode.UNSANDBOXED,
          unsandboxed,
          runtime,
          "UNSANDBOXED: queries run without Landlock/seccomp because [sandbox] allow_unsandboxed"
              + " = true and the sandbox cannot be enforced here: "
              + String.join("; ", problems),
          problems);
    }
    if (allowUnsandboxed) {
      problems.addAll(probe.problems(unsandboxed));
    }
    return new SandboxEnvironment(
        Mode.REFUSED,
        wanted,
        runtime,
        "refusing queries: the query sandbox cannot be enforced here ("
            + String.join("; ", problems)
            + ")"
            + (allowUnsandboxed ? "" : "; [sandbox] allow_unsandboxed = true would run without it"),
        problems);
  }

  /**
   * Installs the runtime from the jars this server was deployed with. They are first copied to a
   * folder named by their content, so the runtime (and its AppCDS archives, built once) is reused
   * across restarts even though the application server unpacks the WAR anew each time.
   */
  static SandboxRuntime install(Path root) throws IOException {
    Path agent = SandboxRuntime.codeSource(SandboxLauncher.class);
    Path jna = SandboxRuntime.codeSource(Native.class);
    for (Path jar : List.of(agent, jna)) {
      if (!Files.isRegularFile(jar)) {
        throw new IOException("expected a jar, found " + jar);
      }
    }
    Path jars = Files.createDirectories(root.resolve("jars"));
    Path stagedAgent = stage(agent, jars, "sandbox-agent");
    Path stagedJna = stage(jna, jars, "jna");
    Path runtimes = root.resolve("runtime");
    SandboxRuntime runtime = SandboxRuntime.install(runtimes, stagedAgent, stagedJna);
    removeStale(jars, List.of(stagedAgent, stagedJna));
    Path current = runtime.classPath().get(0).getParent().getParent();
    removeStale(runtimes, List.of(current));
    return runtime;
  }

  private static Path stage(Path jar, Path folder, String name) throws IOException {
    Path target = folder.resolve(name + "-" + sha256(jar) + ".jar");
    if (!Files.isRegularFile(target)) {
      Path tmp = Files.createTempFile(folder, name, ".tmp");
      Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** Best effort: what earlier deployments left behind. */
  private static void removeStale(Path folder, List<Path> keep) {
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : entries.toList()) {
        if (keep.stream().noneMatch(k -> k.toAbsolutePath().equals(entry.toAbsolutePath()))) {
          deleteTree(entry);
        }
      }
    } catch (IOException e) {
      LOG.fine("Cannot clean " + folder + ": " + e);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
