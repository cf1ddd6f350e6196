package org.aybdb.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines below are what Payara Micro 6.2025.10 prints with config/logging.properties. */
class ServerOutputTest {

  @Test
  void recognisesPayarasReadyLine() {
    ServerOutput output = new ServerOutput();

    output.accept("2026-11-22 07:29:20 INFO [PayaraMicro] Deployed 1 archive(s)");
    assertFalse(output.payaraReady());
    output.accept(
        "2026-11-22 07:29:20 INFO [PayaraMicro] Payara Micro 6.2025.10 (build 42) ready in 4,610"
            + " (ms)");

    assertTrue(output.payaraReady());
    assertFalse(output.deploymentFailed());
  }

  @Test
  void takesTheReasonOfAFailedDeployment() {
    ServerOutput output = new ServerOutput();

    output.accept(
        "2026-11-22 07:30:02 SEVERE [javax.enterprise.system.core] Exception while deploying the"
            + " app [bad]");
    output.accept("java.io.IOException: org.xml.sax.SAXParseException; lineNumber: 2");
    output.accept(
        "2026-11-22 07:30:02 SEVERE [javax.enterprise.system.core] Exception while deploying the"
            + " app [bad] : org.xml.sax.SAXParseException; lineNumber: 2; columnNumber: 1;"
            + " Deployment descriptor file WEB-INF/web.xml in archive [bad].");

    assertTrue(output.deploymentFailed());
    assertEquals(
        Optional.of(
            "org.xml.sax.SAXParseException; lineNumber: 2; columnNumber: 1; Deployment descriptor"
                + " file WEB-INF/web.xml in archive [bad]."),
        output.deploymentFailure());
  }

  @Test
  void takesTheExceptionOfTheFirstSevereRecord() {
    ServerOutput output = new ServerOutput();

    output.accept("2026-11-22 07:29:48 INFO [PayaraMicro] Disabled Phone Home");
    output.accept(
        "2026-11-22 07:29:50 SEVERE [javax.enterprise.system.core] Shutting down server due to"
            + " startup exception");
    output.accept("java.net.BindException: Address already in use");
    output.accept("\tat java.base/sun.nio.ch.Net.bind0(Native Method)");
    output.accept(
        "2026-11-22 07:29:50 SEVERE [javax.enterprise.system.core] Failed to start, exiting");
    output.accept("java.lang.reflect.InvocationTargetException");

    assertTrue(output.portInUse());
    assertEquals(
        Optional.of("java.net.BindException: Address already in use"), output.mostRelevantError());
  }

  @Test
  void fallsBackToTheJvmsOwnComplaint() {
    ServerOutput output = new ServerOutput();

    output.accept("Unrecognized VM option 'Bogus'");
    output.accept("Error: Could not create the Java Virtual Machine.");

    assertEquals(Optional.of("Unrecognized VM option 'Bogus'"), output.mostRelevantError());
  }

  @Test
  void dropsPayarasLeftoverPrintln() {
    ServerOutput output = new ServerOutput();

    assertFalse(
        output.accept(
            "JdbcRuntimeExtension,  getAllSystemRAResourcesAndPools = [GlassFishConfigBean]"));
    assertTrue(output.accept("2026-11-22 07:29:20 INFO [org.aybdb] anything else"));
  }

  @Test
  void aSevereRecordOfTheDeploymentLoggerIsAFailedDeployment() {
    ServerOutput output = new ServerOutput();

    output.accept("2026-11-22 07:50:59 SEVERE [org.eclipse.persistence.session./file:/x.jar_ayb] ");
    output.accept("Local Exception Stack: ");
    assertFalse(output.deploymentFailed());
    output.accept(
        "2026-11-22 07:50:59 SEVERE [javax.enterprise.system.core] Exception [EclipseLink-4002]"
            + " (Eclipse Persistence Services - 4.0.7): DatabaseException");
    output.accept("Internal Exception: java.sql.SQLException: Connection to 127.0.0.1:1 refused.");
    output.accept("Error Code: 0");

    assertTrue(output.deploymentFailed());
    assertEquals(
        Optional.of("java.sql.SQLException: Connection to 127.0.0.1:1 refused."),
        output.deploymentFailure());
  }

  @Test
  void aybsOwnSevereMessageExplainsBest() {
    ServerOutput output = new ServerOutput();

    output.accept(
        "2026-11-22 07:50:59 SEVERE [org.aybdb.infrastructure.Startup] Cannot reach the metadata"
            + " database at postgresql://db:5432/ayb: connection refused");
    output.accept(
        "2026-11-22 07:50:59 SEVERE [javax.enterprise.system.core] Exception while loading the"
            + " app : CDI deployment failure");

    assertEquals(
        Optional.of(
            "Cannot reach the metadata database at postgresql://db:5432/ayb: connection refused"),
        output.deploymentFailure());
    assertEquals(output.deploymentFailure(), output.mostRelevantError());
  }
}
