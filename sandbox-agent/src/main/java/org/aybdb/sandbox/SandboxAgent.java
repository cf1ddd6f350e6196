package org.aybdb.sandbox;

/**
 * Entry point of the query daemon. The query protocol arrives with the databases-and-queries issue;
 * until then the daemon only reports its version so the build and packaging are in place.
 */
public final class SandboxAgent {

  private SandboxAgent() {}

  public static void main(String[] args) {
    // Diagnostics go to stderr: stdout is reserved for the framed protocol.
    System.err.println("ayb sandbox-agent: query protocol not implemented yet");
    System.exit(args.length == 0 ? 0 : 2);
  }
}
