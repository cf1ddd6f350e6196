package org.aybdb.cli.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes the server's stdout and stderr through to the launcher's streams, line by line, and
 * watches them for what the launcher needs to know: Payara Micro's "ready in ... (ms)" line, a
 * failed deployment, a port that is taken and the most telling error line for a message.
 *
 * <p>The patterns do not depend on the log format of logging.properties beyond the level name
 * appearing in a SEVERE record's first line.
 */
final class ServerOutput {

  /** Payara Micro's last start-up line: {@code Payara Micro 6.2025.10 (build 42) ready in ...}. */
  private static final Pattern READY =
      Pattern.compile("Payara Micro .*\\bready in [\\d,.\u00a0\u202f ]+\\(ms\\)");

  /** {@code Exception while deploying the app [ayb-web] : <reason>} and its variants. */
  private static final Pattern DEPLOY_FAILURE =
      Pattern.compile(
          "Exception while (?:deploying|loading) the app(?:lication)?"
              + "(?:\\s*\\[[^\\]]*\\])?(?:\\s*:\\s*(.*))?");

  /** The first line of a logged Throwable, or one of its causes. */
  private static final Pattern EXCEPTION =
      Pattern.compile(
          "^\\s*(?:Caused by: )?((?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error))(?::\\s*(.*))?$");

  /** A SEVERE record's first line: {@code ... SEVERE [logger] message}. */
  private static final Pattern SEVERE =
      Pattern.compile("\\bSEVERE\\b:?\\s*(?:\\[([^\\]]*)\\]\\s*)?(.*)");

  private static final Pattern ORDINARY_LOG_RECORD =
      Pattern.compile("\\b(?:INFO|WARNING|CONFIG|FINE|FINER|FINEST)\\b");

  /**
   * GlassFish's kernel and deployment logger. A SEVERE record from it during start-up means the
   * server or the application failed to start: Payara Micro then keeps running without ayb.
   */
  static final String CORE_LOGGER = "javax.enterprise.system.core";

  /** ayb's own loggers; their SEVERE messages are written for people and explain best. */
  static final String AYB_LOGGER = "org.aybdb";

  /** A System.out.println left in Payara's JDBC runtime; prints on every start. */
  private static final String NOISE = "JdbcRuntimeExtension,  getAllSystemRAResourcesAndPools";

  /** Whose first continuation line is still awaited. */
  private enum Pending {
    NONE,
    AYB,
    CORE
  }

  private final List<Thread> pumps = new ArrayList<>();

  private volatile long readyNanos;
  private volatile long deployFailureNanos;
  private volatile boolean portInUse;

  // Guarded by this.
  private Pending pending = Pending.NONE;
  private String aybSevere;
  private String deployFailure;
  private String coreCause;
  private String coreSevere;
  private boolean afterSevere;
  private String firstSevere;
  private String exceptionAfterSevere;
  private String firstUnformattedLine;

  /** Starts a daemon thread that copies {@code in} to {@code out} line by line. */
  void pump(String name, InputStream in, PrintWriter out) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  if (accept(line)) {
                    out.println(line);
                    out.flush();
                  }
                }
              } catch (IOException e) {
                // The child went away; nothing more to copy.
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    pumps.add(thread);
  }

  /** Waits a little for the last lines of a child that has exited. */
  void drain(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    for (Thread pump : pumps) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return;
      }
      try {
        pump.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Inspects one line; false for known noise that is not passed on. */
  boolean accept(String line) {
    if (line.startsWith(NOISE)) {
      return false;
    }
    if (readyNanos == 0 && READY.matcher(line).find()) {
      readyNanos = System.nanoTime();
    }
    if (line.contains("java.net.BindException") || line.contains("Address already in use")) {
      portInUse = true;
    }
    remember(line);
    return true;
  }

  private synchronized void remember(String line) {
    if (line.isBlank()) {
      return;
    }
    Matcher deploy = DEPLOY_FAILURE.matcher(line);
    if (deploy.find()) {
      markDeployFailure();
      String reason = deploy.group(1);
      if (reason != null && !reason.isBlank() && deployFailure == null) {
        deployFailure = reason.strip();
      }
    }
    Matcher severe = SEVERE.matcher(line);
    if (severe.find()) {
      String logger = severe.group(1) == null ? "" : severe.group(1);
      String message = severe.group(2).strip();
      afterSevere = true;
      pending = Pending.NONE;
      if (firstSevere == null && !message.isEmpty()) {
        firstSevere = message;
      }
      if (logger.startsWith(AYB_LOGGER) && aybSevere == null) {
        aybSevere = message.isEmpty() ? null : message;
        pending = Pending.AYB;
      } else if (CORE_LOGGER.equals(logger)) {
        markDeployFailure();
        if (coreSevere == null && !message.isEmpty() && !deploy.find(0)) {
          coreSevere = message;
        }
        pending = Pending.CORE;
      }
      return;
    }
    Pending waiting = pending;
    if (!line.startsWith("\t") && !line.startsWith(" ")) {
      pending = Pending.NONE;
      String text = line.strip();
      if (waiting == Pending.AYB && aybSevere == null) {
        aybSevere = text;
      } else if (waiting == Pending.CORE && coreCause == null) {
        // EclipseLink puts the real cause on the line after the message.
        if (text.startsWith("Internal Exception: ")) {
          coreCause = text.substring("Internal Exception: ".length());
        }
      }
    }
    Matcher exception = EXCEPTION.matcher(line);
    if (exception.matches()) {
      if (afterSevere && exceptionAfterSevere == null) {
        exceptionAfterSevere = line.strip().replaceFirst("^Caused by: ", "");
      }
      return;
    }
    if (firstUnformattedLine == null
        && !afterSevere
        && !line.startsWith("\t")
        && !line.startsWith(" ")
        && !ORDINARY_LOG_RECORD.matcher(line).find()) {
      firstUnformattedLine = line.strip();
    }
  }

  private void markDeployFailure() {
    if (deployFailureNanos == 0) {
      deployFailureNanos = System.nanoTime();
    }
  }

  /** Whether Payara Micro has logged its "ready in ... (ms)" line. */
  boolean payaraReady() {
    return readyNanos != 0;
  }

  /** {@link System#nanoTime()} of the "ready" line, 0 if not seen. */
  long payaraReadyNanos() {
    return readyNanos;
  }

  /** {@link System#nanoTime()} of the first "Exception while deploying" line, 0 if not seen. */
  long deployFailureNanos() {
    return deployFailureNanos;
  }

  boolean deploymentFailed() {
    return deployFailureNanos != 0;
  }

  /** Whether the server reported that its port is taken. */
  boolean portInUse() {
    return portInUse;
  }

  /**
   * Why the deployment failed: ayb's own SEVERE message, else Payara's "Exception while deploying
   * the app [...] : reason", else the cause or message of the deployment logger's SEVERE record,
   * else the most telling error line.
   */
  synchronized Optional<String> deploymentFailure() {
    for (String reason : new String[] {aybSevere, deployFailure, coreCause, coreSevere}) {
      if (reason != null) {
        return Optional.of(reason);
      }
    }
    return mostRelevantError();
  }

  /**
   * The best one-line explanation of a failure: ayb's own SEVERE message, a deployment failure's
   * reason, else the exception logged with the first SEVERE record, else that record's message,
   * else the first line that is no log record at all (the JVM's own "Unrecognized VM option ...").
   */
  synchronized Optional<String> mostRelevantError() {
    for (String reason :
        new String[] {aybSevere, deployFailure, exceptionAfterSevere, firstSevere}) {
      if (reason != null) {
        return Optional.of(reason);
      }
    }
    return Optional.ofNullable(firstUnformattedLine);
  }
}
