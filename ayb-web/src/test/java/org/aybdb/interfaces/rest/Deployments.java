package org.aybdb.interfaces.rest;

import java.io.File;
import java.util.Objects;
import org.aybdb.interfaces.oauth.rest.ClockControlServlet;
import org.aybdb.interfaces.oauth.rest.ShiftedClock;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that `ayb server` runs, exactly as the build made it, and the tests' copy of it. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive aybWar() {
    File war = new File(Objects.requireNonNull(System.getProperty("ayb.war"), "ayb.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("The WAR is not built: " + war);
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /**
   * Writes the WAR of the {@link SharedServer} to {@code target}: {@link #aybWar()} plus the clock
   * that OAuthIT shifts ({@link ShiftedClock}, {@link ClockControlServlet}).
   */
  static void exportTestWar(File target) {
    aybWar()
        .addClasses(ShiftedClock.class, ClockControlServlet.class)
        .as(ZipExporter.class)
        .exportTo(target, true);
  }
}
