package org.aybdb.sandbox.launcher;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aybdb.sandbox.os.Landlock;
import org.aybdb.sandbox.os.LibC;
import org.aybdb.sandbox.os.Seccomp;

/**
 * The sandbox's first stage. It applies, to its own main thread, in this order: a private network
 * namespace, {@code PR_SET_NO_NEW_PRIVS}, an empty capability bounding set, the Landlock ruleset
 * and the seccomp filter; then closes every inherited descriptor above 2, moves the protocol pipe
 * (its stdout) to descriptor 3 and points 1 at stderr, sets the rlimits and {@code execve}s the
 * given program. Every thread of that program is born inside the sandbox.
 *
 * <p>Usage: {@code SandboxLauncher [options] -- /abs/path/to/program args...}. Options ({@code
 * --name=value}; repeatable ones marked *):
 *
 * <ul>
 *   <li>{@code --mode=sandboxed|unsandboxed} — unsandboxed skips namespaces, capabilities, Landlock
 *       and seccomp (rlimits and descriptors are still set); only when configured explicitly.
 *   <li>{@code --min-landlock-abi=N} (default 3) — refuse to start below it.
 *   <li>{@code --netns=auto|required|off|external} — {@code external}: a wrapper (e.g. {@code
 *       unshare -Urn}) already made one; it is verified.
 *   <li>{@code --ro=PATH}* {@code --rw=PATH}* — Landlock rules.
 *   <li>{@code --rlimit-data=} {@code --rlimit-fsize=} {@code --rlimit-nofile=} {@code
 *       --rlimit-nproc=} — 0 leaves a limit unchanged.
 *   <li>{@code --env=NAME=VALUE}* — the program's entire environment.
 *   <li>{@code --chdir=PATH} — the program's working directory.
 *   <li>{@code --check} — apply everything, print the status line on stdout and exit 0 instead of
 *       exec'ing.
 *   <li>{@code --assignment=stdin} — a pre-started first stage: load everything it needs, then read
 *       the rest of its arguments from stdin ({@value #ASSIGNMENT_LIMIT} bytes at most, each
 *       argument ended by a NUL byte, the whole ended by an empty argument) before it applies
 *       anything. That late part may hold only {@code --rw}, {@code --env} and {@code --chdir},
 *       then {@code --} and the program: every other rule is fixed when the process starts. Stdin
 *       ending first (the server went away) exits with status 0.
 * </ul>
 *
 * The argument {@value #STATUS_PLACEHOLDER} in the program's arguments is replaced by the status
 * line. Exit status: {@value #EXIT_USAGE} bad usage, {@value #EXIT_UNAVAILABLE} the sandbox cannot
 * be applied, {@value #EXIT_EXEC} exec failed. Messages go to stderr.
 */
public final class SandboxLauncher {

  /** Replaced in the program's arguments by the sandbox status line. */
  public static final String STATUS_PLACEHOLDER = "{sandbox-status}";

  /** The descriptor the program answers on. */
  public static final int PROTOCOL_FD = 3;

  /** The option of a pre-started first stage. */
  public static final String AWAIT_ASSIGNMENT = "--assignment=stdin";

  /** The most bytes an assignment may have. */
  static final int ASSIGNMENT_LIMIT = 1 << 20;

  /** Options an assignment may carry: the database's folder, its environment, the directory. */
  private static final List<String> ASSIGNABLE = List.of("rw", "env", "chdir");

  public static final int EXIT_USAGE = 64;
  public static final int EXIT_UNAVAILABLE = 78;
  public static final int EXIT_EXEC = 71;

  private static final int PR_CAPBSET_DROP = 24;
  private static final long SYS_CLOSE_RANGE = 436;
  private static final int CLOSE_RANGE_CLOEXEC = 4;

  private SandboxLauncher() {}

  /** Parsed arguments. */
  record Args(
      boolean sandboxed,
      boolean check,
      int minAbi,
      String netns,
      List<Path> readOnly,
      List<Path> readWrite,
      long data,
      long fsize,
      long nofile,
      long nproc,
      List<String> env,
      Path chdir,
      List<String> program) {}

  public static void main(String[] argv) {
    Args args;
    try {
      args = parse(List.of(argv).contains(AWAIT_ASSIGNMENT) ? assigned(argv) : argv);
    } catch (IllegalArgumentException e) {
      fail(EXIT_USAGE, e.getMessage());
      return;
    }
    if (args.chdir() != null && LibC.chdir(cString(args.chdir().toString())) != 0) {
      fail(EXIT_UNAVAILABLE, LibC.describe("chdir(" + args.chdir() + ")"));
    }
    String status;
    try {
      status = args.sandboxed() ? applySandbox(args) : "unsandboxed";
    } catch (IllegalStateException e) {
      fail(EXIT_UNAVAILABLE, "sandbox unavailable: " + e.getMessage());
      return;
    }
    if (args.check()) {
      System.out.println(status);
      System.out.flush();
      System.exit(0);
    }
    exec(args, status);
  }

  /**
   * A pre-started first stage's arguments: those it was started with, then (once it has loaded what
   * applying the sandbox needs) those the server assigns it on stdin.
   */
  private static String[] assigned(String[] argv) {
    // Loads and links the native calls and classes now, while no database waits for them.
    Landlock.abiVersion();
    Seccomp.supported();
    LibC.getpid();
    List<String> late;
    try {
      late = readAssignment(new java.io.FileInputStream(java.io.FileDescriptor.in));
    } catch (IOException e) {
      fail(EXIT_USAGE, "cannot read the assignment: " + e.getMessage());
      return argv;
    }
    if (late == null) {
      System.exit(0); // the server went away before it needed this process
    }
    List<String> all = new ArrayList<>();
    for (String a : argv) {
      if (!a.equals(AWAIT_ASSIGNMENT)) {
        all.add(a);
      }
    }
    all.addAll(assignment(late));
    return all.toArray(new String[0]); // no method reference: see StartUpPathTest
  }

  /**
   * Reads NUL-ended arguments up to an empty one, one byte at a time (whatever follows belongs to
   * the program); null if the input ends before.
   */
  static List<String> readAssignment(java.io.InputStream in) throws IOException {
    List<String> args = new ArrayList<>();
    java.io.ByteArrayOutputStream arg = new java.io.ByteArrayOutputStream();
    int total = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (++total > ASSIGNMENT_LIMIT) {
        throw new IllegalArgumentException("the assignment is longer than " + ASSIGNMENT_LIMIT);
      }
      if (b != 0) {
        arg.write(b);
      } else if (arg.size() == 0) {
        return args;
      } else {
        args.add(arg.toString(StandardCharsets.UTF_8));
        arg.reset();
      }
    }
  }

  /** Checks that an assignment names only what may come late: folder, environment, program. */
  static List<String> assignment(List<String> late) {
    int i = 0;
    for (; i < late.size() && !late.get(i).equals("--"); i++) {
      String arg = late.get(i);
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0 || !ASSIGNABLE.contains(arg.substring(2, eq))) {
        throw new IllegalArgumentException("an assignment may not carry " + arg);
      }
    }
    if (i == late.size()) {
      throw new IllegalArgumentException("an assignment must end with -- and the program");
    }
    return late;
  }

  static Args parse(String[] argv) {
    boolean sandboxed = true;
    boolean check = false;
    int minAbi = 3;
    String netns = "auto";
    List<Path> ro = new ArrayList<>();
    List<Path> rw = new ArrayList<>();
    long data = 0;
    long fsize = 0;
    long nofile = 0;
    long nproc = 0;
    List<String> env = new ArrayList<>();
    Path chdir = null;
    int i = 0;
    for (; i < argv.length && !argv[i].equals("--"); i++) {
      String arg = argv[i];
      if (arg.equals("--check")) {
        check = true;
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      String name = arg.substring(2, eq);
      String value = arg.substring(eq + 1);
      switch (name) {
        case "mode" -> {
          if (!value.equals("sandboxed") && !value.equals("unsandboxed")) {
            throw new IllegalArgumentException("--mode must be sandboxed or unsandboxed");
          }
          sandboxed = value.equals("sandboxed");
        }
        case "min-landlock-abi" -> minAbi = Integer.parseInt(value);
        case "netns" -> {
          if (!List.of("auto", "required", "off", "external").contains(value)) {
            throw new IllegalArgumentException("--netns must be auto, required, off or external");
          }
          netns = value;
        }
        case "ro" -> ro.add(Path.of(value));
        case "rw" -> rw.add(Path.of(value));
        case "rlimit-data" -> data = Long.parseLong(value);
        case "rlimit-fsize" -> fsize = Long.parseLong(value);
        case "rlimit-nofile" -> nofile = Long.parseLong(value);
        case "rlimit-nproc" -> nproc = Long.parseLong(value);
        case "env" -> env.add(value);
        case "chdir" -> chdir = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    List<String> program = new ArrayList<>();
    for (i++; i < argv.length; i++) {
      program.add(argv[i]);
    }
    if (!check && (program.isEmpty() || !program.get(0).startsWith("/"))) {
      throw new IllegalArgumentException("expected -- /absolute/program [args...]");
    }
    return new Args(
        sandboxed, check, minAbi, netns, ro, rw, data, fsize, nofile, nproc, env, chdir, program);
  }

  /** Applies the sandbox to the calling thread; returns the status line. */
  static String applySandbox(Args args) {
    int abi = Landlock.abiVersion();
    if (abi < 0) {
      throw new IllegalStateException("Landlock is not available (errno " + -abi + ")");
    }
    if (abi < args.minAbi()) {
      throw new IllegalStateException(
          "Landlock ABI " + abi + " is older than the required " + args.minAbi());
    }
    if (!Seccomp.supported()) {
      throw new IllegalStateException("no seccomp filter for this architecture");
    }
    String netns = isolateNetwork(args.netns());

    if (LibC.prctl(LibC.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
      throw new IllegalStateException(LibC.describe("prctl(PR_SET_NO_NEW_PRIVS)"));
    }
    String caps = dropBoundingSet();

    List<Landlock.Rule> rules = new ArrayList<>();
    for (Path p : args.readOnly()) {
      rules.add(new Landlock.Rule(p, Landlock.READ_ONLY));
    }
    for (Path p : args.readWrite()) {
      if (!Files.isDirectory(p)) {
        throw new IllegalStateException("read-write directory " + p + " does not exist");
      }
      rules.add(new Landlock.Rule(p, Landlock.READ_WRITE));
    }
    Landlock.restrictSelf(abi, rules);
    Seccomp.install();
    return "sandboxed landlock=" + abi + " seccomp=on netns=" + netns + " caps=" + caps;
  }

  private static String isolateNetwork(String policy) {
    switch (policy) {
      case "off":
        return "off";
      case "external":
        if (!onlyLoopback()) {
          throw new IllegalStateException("--netns=external but the network is not isolated");
        }
        return "on";
      default:
        if (LibC.unshare(LibC.CLONE_NEWNET) == 0) {
          return "on";
        }
        String why = LibC.describe("unshare(CLONE_NEWNET)");
        if (policy.equals("required")) {
          throw new IllegalStateException(why);
        }
        return "unavailable(" + why.replace(' ', '_') + ")";
    }
  }

  /** Whether this thread's network namespace has no interface but {@code lo}. */
  static boolean onlyLoopback() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/thread-self/net/dev"))) {
        int colon = line.indexOf(':');
        if (colon > 0 && !line.substring(0, colon).trim().equals("lo")) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Empties the capability bounding set, so the exec'd program holds none even as root. */
  private static String dropBoundingSet() {
    int dropped = 0;
    for (int cap = 0; cap < 64; cap++) {
      if (LibC.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0) {
        dropped++;
      } else if (LibC.errno() == 22) { // EINVAL: past the last capability
        break;
      } else {
        return "none-held"; // EPERM: not privileged, nothing to drop
      }
    }
    return dropped > 0 ? "dropped" : "none-held";
  }

  private static void exec(Args args, String status) {
    List<String> program = new ArrayList<>();
    for (String a : args.program()) {
      program.add(a.replace(STATUS_PLACEHOLDER, status.replace(' ', ',')));
    }
    // Everything the last steps need is allocated before the rlimits apply.
    byte[] path = cString(program.get(0));
    Memory argv = stringArray(program);
    Memory envp = stringArray(args.env());
    Memory rlimit = new Memory(16);
    Native.getLastError();

    closeInheritedDescriptors();
    setLimit(LibC.RLIMIT_DATA, args.data(), rlimit);
    setLimit(LibC.RLIMIT_FSIZE, args.fsize(), rlimit);
    setLimit(LibC.RLIMIT_NOFILE, args.nofile(), rlimit);
    setLimit(LibC.RLIMIT_NPROC, args.nproc(), rlimit);
    // No core dump: it would land in the database's folder, holding the daemon's memory.
    rlimit.setLong(0, 0);
    rlimit.setLong(8, 0);
    if (LibC.setrlimit(LibC.RLIMIT_CORE, rlimit) != 0) {
      fail(EXIT_UNAVAILABLE, LibC.describe("setrlimit(RLIMIT_CORE, 0)"));
    }
    if (LibC.dup2(1, PROTOCOL_FD) < 0 || LibC.dup2(2, 1) < 0) {
      fail(EXIT_EXEC, LibC.describe("dup2"));
    }
    LibC.execve(path, argv, envp);
    fail(EXIT_EXEC, LibC.describe("execve(" + program.get(0) + ")"));
  }

  /** Marks every descriptor above 2 close-on-exec: the program inherits only 0, 1, 2 and 3. */
  private static void closeInheritedDescriptors() {
    if (LibC.syscall(SYS_CLOSE_RANGE, 3, 0xffffffffL, CLOSE_RANGE_CLOEXEC) == 0) {
      return;
    }
    for (int fd = 3; fd < 4096; fd++) {
      int flags = LibC.fcntl(fd, LibC.F_GETFD, 0);
      if (flags >= 0) {
        LibC.fcntl(fd, LibC.F_SETFD, flags | LibC.FD_CLOEXEC);
      }
    }
  }

  private static void setLimit(int resource, long value, Memory rlimit) {
    if (value <= 0) {
      return;
    }
    rlimit.setLong(0, value);
    rlimit.setLong(8, value);
    if (LibC.setrlimit(resource, rlimit) != 0) {
      fail(EXIT_UNAVAILABLE, LibC.describe("setrlimit(" + resource + ", " + value + ")"));
    }
  }

  private static Memory stringArray(List<String> strings) {
    Memory array = new Memory((long) Native.POINTER_SIZE * (strings.size() + 1));
    List<Memory> keep = new ArrayList<>();
    for (int i = 0; i < strings.size(); i++) {
      byte[] b = cString(strings.get(i));
      Memory m = new Memory(b.length);
      m.write(0, b, 0, b.length);
      keep.add(m);
      array.setPointer((long) Native.POINTER_SIZE * i, m);
    }
    array.setPointer((long) Native.POINTER_SIZE * strings.size(), Pointer.NULL);
    KEEP_ALIVE.add(keep);
    return array;
  }

  private static final List<Object> KEEP_ALIVE = new ArrayList<>();

  private static byte[] cString(String s) {
    return (s + "\0").getBytes(StandardCharsets.UTF_8);
  }

  private static void fail(int status, String message) {
    System.err.println("ayb sandbox launcher: " + message);
    System.err.flush();
    System.exit(status);
  }
}
