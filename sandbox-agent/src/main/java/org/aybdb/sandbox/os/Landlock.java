package org.aybdb.sandbox.os;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Landlock through raw syscalls (x86_64 and aarch64 share the numbers). A ruleset handles every
 * filesystem right the running kernel's ABI knows, TCP bind/connect (ABI ≥ 4, no rule: all denied)
 * and the abstract-unix-socket and signal scopes (ABI ≥ 6), then allows read/execute beneath the
 * read-only paths and file read/write beneath the read-write paths.
 */
public final class Landlock {

  private static final long SYS_CREATE_RULESET = 444;
  private static final long SYS_ADD_RULE = 445;
  private static final long SYS_RESTRICT_SELF = 446;
  private static final long CREATE_RULESET_VERSION = 1;
  private static final long RULE_PATH_BENEATH = 1;

  public static final long EXECUTE = 1L;
  public static final long WRITE_FILE = 1L << 1;
  public static final long READ_FILE = 1L << 2;
  public static final long READ_DIR = 1L << 3;
  public static final long REMOVE_DIR = 1L << 4;
  public static final long REMOVE_FILE = 1L << 5;
  public static final long MAKE_CHAR = 1L << 6;
  public static final long MAKE_DIR = 1L << 7;
  public static final long MAKE_REG = 1L << 8;
  public static final long MAKE_SOCK = 1L << 9;
  public static final long MAKE_FIFO = 1L << 10;
  public static final long MAKE_BLOCK = 1L << 11;
  public static final long MAKE_SYM = 1L << 12;
  public static final long REFER = 1L << 13;
  public static final long TRUNCATE = 1L << 14;
  public static final long IOCTL_DEV = 1L << 15;

  public static final long NET_BIND_TCP = 1L;
  public static final long NET_CONNECT_TCP = 1L << 1;

  public static final long SCOPE_ABSTRACT_UNIX_SOCKET = 1L;
  public static final long SCOPE_SIGNAL = 1L << 1;

  /** Rights that may be given on a regular file (the others only make sense on directories). */
  private static final long FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV;

  private Landlock() {}

  /** The kernel's Landlock ABI version, or a negative errno when Landlock is unavailable. */
  public static int abiVersion() {
    long v = LibC.syscall(SYS_CREATE_RULESET, null, 0, CREATE_RULESET_VERSION);
    return v < 0 ? -LibC.errno() : (int) v;
  }

  /** Every filesystem right known to {@code abi}. */
  static long fsRights(int abi) {
    long rights = (1L << 13) - 1;
    if (abi >= 2) {
      rights |= REFER;
    }
    if (abi >= 3) {
      rights |= TRUNCATE;
    }
    if (abi >= 5) {
      rights |= IOCTL_DEV;
    }
    return rights;
  }

  /** Read and execute: libraries, the JDK, jars. */
  public static final long READ_ONLY = EXECUTE | READ_FILE | READ_DIR;

  /** The database's directory: its files may be read, written, created, truncated and removed. */
  public static final long READ_WRITE =
      READ_FILE | READ_DIR | WRITE_FILE | TRUNCATE | MAKE_REG | REMOVE_FILE;

  /** One rule: {@code rights} beneath {@code path}. */
  public record Rule(Path path, long rights) {}

  /**
   * Builds the ruleset and restricts the calling thread (and whatever it execs). Paths that do not
   * exist are skipped and listed in the returned notes.
   *
   * @throws IllegalStateException when a Landlock call fails
   */
  public static List<String> restrictSelf(int abi, List<Rule> rules) {
    long handledFs = fsRights(abi);
    long handledNet = abi >= 4 ? NET_BIND_TCP | NET_CONNECT_TCP : 0;
    long scoped = abi >= 6 ? SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL : 0;
    int attrSize = abi >= 6 ? 24 : abi >= 4 ? 16 : 8;
    Memory attr = new Memory(24);
    attr.clear();
    attr.setLong(0, handledFs);
    attr.setLong(8, handledNet);
    attr.setLong(16, scoped);
    long ruleset = LibC.syscall(SYS_CREATE_RULESET, attr, attrSize, 0);
    if (ruleset < 0) {
      throw new IllegalStateException(LibC.describe("landlock_create_ruleset"));
    }
    List<String> notes = new ArrayList<>();
    try {
      Memory beneath = new Memory(12);
      for (Rule rule : rules) {
        if (!Files.exists(rule.path())) {
          notes.add("skipped missing " + rule.path());
          continue;
        }
        byte[] name = (rule.path().toString() + "\0").getBytes(StandardCharsets.UTF_8);
        int fd = LibC.open(name, LibC.O_PATH | LibC.O_CLOEXEC, 0);
        if (fd < 0) {
          throw new IllegalStateException(LibC.describe("open(" + rule.path() + ")"));
        }
        try {
          long rights = rule.rights() & handledFs;
          if (!Files.isDirectory(rule.path())) {
            rights &= FILE_RIGHTS;
          }
          beneath.setLong(0, rights);
          beneath.setInt(8, fd);
          long rc = LibC.syscall(SYS_ADD_RULE, ruleset, RULE_PATH_BENEATH, beneath, 0);
          if (rc < 0) {
            throw new IllegalStateException(
                LibC.describe("landlock_add_rule(" + rule.path() + ")"));
          }
        } finally {
          LibC.close(fd);
        }
      }
      if (LibC.syscall(SYS_RESTRICT_SELF, ruleset, 0, 0) < 0) {
        throw new IllegalStateException(LibC.describe("landlock_restrict_self"));
      }
    } finally {
      LibC.close((int) ruleset);
    }
    return notes;
  }
}
