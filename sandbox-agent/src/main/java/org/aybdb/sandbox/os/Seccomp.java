package org.aybdb.sandbox.os;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * A seccomp-bpf filter that makes {@code socket}, {@code socketpair}, the io_uring calls (which can
 * open sockets behind seccomp's back), {@code ptrace} and {@code process_vm_readv/writev} fail with
 * EACCES; a foreign syscall ABI (x32, i386) kills the process. The daemon needs none of them: it
 * speaks over inherited pipes. This closes what Landlock ABI ≤ 7 leaves open — UDP, and connecting
 * to unix sockets by path.
 */
public final class Seccomp {

  private static final int AUDIT_ARCH_X86_64 = 0xC000003E;
  private static final int AUDIT_ARCH_AARCH64 = 0xC00000B7;
  private static final int RET_KILL_PROCESS = 0x80000000;
  private static final int RET_ERRNO = 0x00050000;
  private static final int RET_ALLOW = 0x7fff0000;
  private static final int EACCES = 13;

  private static final int LD_W_ABS = 0x20;
  private static final int JEQ_K = 0x15;
  private static final int JGE_K = 0x35;
  private static final int RET_K = 0x06;

  private Seccomp() {}

  /** Whether this architecture has a filter here. */
  public static boolean supported() {
    return Platform.isLinux()
        && (Platform.ARCH.equals("x86-64") || Platform.ARCH.equals("aarch64"));
  }

  /** Installs the filter on the calling thread (inherited by what it execs). */
  public static void install() {
    boolean x86 = Platform.ARCH.equals("x86-64");
    int arch = x86 ? AUDIT_ARCH_X86_64 : AUDIT_ARCH_AARCH64;
    int[] denied =
        x86
            ? new int[] {41, 101, 310, 311, 425, 426, 427}
            : new int[] {198, 117, 270, 271, 425, 426, 427};
    int n = 5 + denied.length + 2;
    int[][] prog = new int[n][];
    int i = 0;
    prog[i++] = insn(LD_W_ABS, 0, 0, 4); // seccomp_data.arch
    prog[i++] = insn(JEQ_K, 1, 0, arch);
    prog[i++] = insn(RET_K, 0, 0, RET_KILL_PROCESS);
    prog[i++] = insn(LD_W_ABS, 0, 0, 0); // seccomp_data.nr
    // x32 syscalls carry bit 30 (never set on aarch64): deny them all.
    prog[i++] = insn(JGE_K, denied.length + 1, 0, 0x40000000);
    for (int k = 0; k < denied.length; k++) {
      prog[i++] = insn(JEQ_K, denied.length - k, 0, denied[k]);
    }
    prog[i++] = insn(RET_K, 0, 0, RET_ALLOW);
    prog[i++] = insn(RET_K, 0, 0, RET_ERRNO | EACCES);
    Memory filter = new Memory(8L * n);
    for (int k = 0; k < n; k++) {
      filter.setShort(8L * k, (short) prog[k][0]);
      filter.setByte(8L * k + 2, (byte) prog[k][1]);
      filter.setByte(8L * k + 3, (byte) prog[k][2]);
      filter.setInt(8L * k + 4, prog[k][3]);
    }
    Memory fprog = new Memory(16);
    fprog.clear();
    fprog.setShort(0, (short) n);
    fprog.setPointer(Native.POINTER_SIZE == 8 ? 8 : 4, filter);
    if (LibC.prctl(LibC.PR_SET_SECCOMP, LibC.SECCOMP_MODE_FILTER, fprog, 0, 0) != 0) {
      throw new IllegalStateException(LibC.describe("prctl(PR_SET_SECCOMP)"));
    }
  }

  private static int[] insn(int code, int jt, int jf, int k) {
    return new int[] {code, jt, jf, k};
  }
}
