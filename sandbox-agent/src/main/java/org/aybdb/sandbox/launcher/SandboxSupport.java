package org.aybdb.sandbox.launcher;

import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aybdb.sandbox.os.Landlock;
import org.aybdb.sandbox.os.LibC;
import org.aybdb.sandbox.os.Seccomp;
import org.aybdb.sandbox.sqlite.Sqlite3;

/**
 * What this machine can enforce, so the server can fail closed: refuse to serve queries when {@link
 * Status#enforceable} is false, unless unsandboxed mode is configured explicitly (and then say so
 * loudly at start-up and in {@code /health/ready}).
 */
public final class SandboxSupport {

  /** The util-linux {@code unshare} used when the server is not root. */
  static final String UNSHARE = "/usr/bin/unshare";

  /** How a daemon gets its private network namespace here. */
  public enum NetnsMethod {
    /** The first stage calls {@code unshare(CLONE_NEWNET)} itself (root, or CAP_SYS_ADMIN). */
    UNSHARE_SYSCALL,
    /**
     * Through {@code unshare -Urn} (an unprivileged user namespace) in front of the first stage.
     */
    UNSHARE_WRAPPER,
    /** Not possible here; seccomp still denies every socket. */
    UNAVAILABLE
  }

  /**
   * The probe's findings.
   *
   * @param landlockAbi the kernel's Landlock ABI, or -errno when Landlock is unavailable
   * @param seccomp whether a seccomp filter is available for this architecture
   * @param networkNamespace how (whether) daemons get a private network namespace
   * @param sqliteLibrary the libsqlite3 the daemon would load, and whether it exists
   */
  public record Status(
      int landlockAbi,
      boolean seccomp,
      NetnsMethod networkNamespace,
      String sqliteLibrary,
      boolean sqliteLibraryPresent,
      List<String> problems) {

    /** Whether a daemon with {@code config} can be started with its sandbox fully applied. */
    public boolean enforceable(SandboxConfig config) {
      return problems(config).isEmpty();
    }

    /** Why {@code config} cannot be enforced here (empty when it can). */
    public List<String> problems(SandboxConfig config) {
      List<String> out = new ArrayList<>();
      if (!sqliteLibraryPresent) {
        out.add("libsqlite3 not found (" + sqliteLibrary + "): install libsqlite3-0");
      }
      if (!config.sandboxed()) {
        return out;
      }
      out.addAll(problems);
      if (landlockAbi < 0) {
        out.add("Landlock is not available (errno " + -landlockAbi + ")");
      } else if (landlockAbi < config.minLandlockAbi()) {
        out.add(
            "Landlock ABI "
                + landlockAbi
                + " is older than the required "
                + config.minLandlockAbi());
      }
      if (!seccomp) {
        out.add("seccomp filters are not available");
      }
      if (config.network() == SandboxConfig.NetworkIsolation.REQUIRED
          && networkNamespace == NetnsMethod.UNAVAILABLE) {
        out.add("a private network namespace is required but cannot be created");
      }
      return out;
    }

    /** One line for logs and {@code /health/ready}. */
    public String summary() {
      return "landlock="
          + (landlockAbi < 0 ? "unavailable" : "abi" + landlockAbi)
          + " seccomp="
          + (seccomp ? "on" : "unavailable")
          + " netns="
          + networkNamespace.name().toLowerCase(java.util.Locale.ROOT)
          + " sqlite="
          + (sqliteLibraryPresent ? sqliteLibrary : "missing");
    }
  }

  private static volatile Status cached;

  private SandboxSupport() {}

  /**
   * Probes the machine once (cached): the Landlock ABI (a side-effect-free syscall), seccomp, and
   * whether a network namespace can be had (root, or an {@code unshare -Urn true} trial run).
   */
  public static Status probe() {
    Status s = cached;
    if (s == null) {
      s = probeNow();
      cached = s;
    }
    return s;
  }

  static Status probeNow() {
    List<String> problems = new ArrayList<>();
    if (!Platform.isLinux()) {
      problems.add("the sandbox needs Linux");
      String lib = Sqlite3.locateLibrary();
      return new Status(-38, false, NetnsMethod.UNAVAILABLE, lib, false, problems);
    }
    int abi = Landlock.abiVersion();
    boolean seccomp = Seccomp.supported() && LibC.prctl(LibC.PR_GET_SECCOMP, 0, 0, 0, 0) >= 0;
    NetnsMethod netns;
    if (LibC.getuid() == 0) {
      netns = NetnsMethod.UNSHARE_SYSCALL;
    } else if (Files.isExecutable(Path.of(UNSHARE)) && unshareWorks()) {
      netns = NetnsMethod.UNSHARE_WRAPPER;
    } else {
      netns = NetnsMethod.UNAVAILABLE;
    }
    String lib = Sqlite3.locateLibrary();
    return new Status(abi, seccomp, netns, lib, Files.isRegularFile(Path.of(lib)), problems);
  }

  private static boolean unshareWorks() {
    try {
      Process p =
          new ProcessBuilder(UNSHARE, "--user", "--map-root-user", "--net", "--", "/bin/true")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs the real first stage with {@code --check} for a scratch folder: it applies the whole
   * sandbox and reports. Returns the status line (e.g. {@code sandboxed landlock=7 seccomp=on
   * netns=on caps=dropped}).
   *
   * @throws IOException when the first stage refuses (its message is included)
   */
  public static String verify(SandboxConfig config, SandboxRuntime runtime, Path scratchDir)
      throws IOException {
    Files.createDirectories(scratchDir);
    List<String> cmd =
        new ArrayList<>(SandboxCommand.daemon(config, runtime, scratchDir.resolve("x")));
    int launcher = cmd.indexOf(SandboxLauncher.class.getName());
    int separator = launcher + cmd.subList(launcher, cmd.size()).indexOf("--");
    List<String> check = new ArrayList<>(cmd.subList(0, separator));
    check.add("--check");
    Process p =
        new ProcessBuilder(check).directory(scratchDir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("sandbox check failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return output;
  }
}
