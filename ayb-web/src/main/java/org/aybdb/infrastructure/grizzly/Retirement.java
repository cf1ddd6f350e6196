package org.aybdb.infrastructure.grizzly;

/**
 * Whether this deployment of ayb has been undeployed. Each deployment loads its own copy of this
 * class, so the flag belongs to one deployment. Grizzly's HTTP/2 support keeps its own copy of the
 * filter chain, which removing ayb's filters from the listeners does not reach: a retired filter
 * found there passes every event on instead of calling into the closed application.
 */
final class Retirement {

  private static volatile boolean retired;

  private Retirement() {}

  static void retire() {
    retired = true;
  }

  static boolean retired() {
    return retired;
  }
}
