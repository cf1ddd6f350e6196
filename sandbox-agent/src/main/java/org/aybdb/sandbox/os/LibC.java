package org.aybdb.sandbox.os;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/** The few libc calls the launcher and the daemon make, direct-mapped through JNA. */
public final class LibC {

  static {
    // glibc's soname directly: looking up plain "c" makes JNA scan the library folders.
    String name =
        Platform.isLinux() && !Platform.isAndroid() ? "libc.so.6" : Platform.C_LIBRARY_NAME;
    Native.register(LibC.class, NativeLibrary.getInstance(name));
  }

  private LibC() {}

  public static final int PR_SET_NO_NEW_PRIVS = 38;
  public static final int PR_GET_NO_NEW_PRIVS = 39;
  public static final int PR_SET_SECCOMP = 22;
  public static final int PR_GET_SECCOMP = 21;
  public static final int PR_SET_PDEATHSIG = 1;
  public static final int SECCOMP_MODE_FILTER = 2;

  public static final int RLIMIT_FSIZE = 1;
  public static final int RLIMIT_DATA = 2;
  public static final int RLIMIT_CORE = 4;
  public static final int RLIMIT_NPROC = 6;
  public static final int RLIMIT_NOFILE = 7;
  public static final int RLIMIT_AS = 9;

  public static final int CLONE_NEWNET = 0x40000000;
  public static final int CLONE_NEWUSER = 0x10000000;

  public static final int F_DUPFD = 0;
  public static final int F_GETFD = 1;
  public static final int F_SETFD = 2;
  public static final int FD_CLOEXEC = 1;

  public static final int O_PATH = 010000000;
  public static final int O_CLOEXEC = 02000000;
  public static final int O_RDONLY = 0;

  public static final int SIGKILL = 9;

  public static native int prctl(int option, long arg2, long arg3, long arg4, long arg5);

  public static native int prctl(int option, long arg2, Pointer arg3, long arg4, long arg5);

  /** {@code setrlimit(resource, struct rlimit*)}; the struct is two {@code rlim_t}. */
  public static native int setrlimit(int resource, Pointer rlimit);

  public static native int getrlimit(int resource, Pointer rlimit);

  public static native int unshare(int flags);

  public static native int dup2(int oldFd, int newFd);

  public static native int fcntl(int fd, int cmd, int arg);

  public static native int open(byte[] path, int flags, int mode);

  public static native int close(int fd);

  public static native int getpid();

  public static native int getuid();

  public static native int getgid();

  public static native int execve(byte[] path, Pointer argv, Pointer envp);

  public static native int chdir(byte[] path);

  public static native long syscall(long number, long a, long b, long c);

  public static native long syscall(long number, Pointer a, long b, long c);

  public static native long syscall(long number, long a, Pointer b, long c);

  public static native long syscall(long number, long a, long b, Pointer c, long d);

  public static native Pointer strerror(int errno);

  /** The {@code errno} of the last call made through JNA on this thread. */
  public static int errno() {
    return Native.getLastError();
  }

  /** "name: strerror(errno)" for the last failed call. */
  public static String describe(String call) {
    int errno = errno();
    return call + ": " + strerror(errno).getString(0) + " (errno " + errno + ")";
  }
}
