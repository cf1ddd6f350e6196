package org.aybdb.interfaces.rest;

import java.io.File;
import java.util.Objects;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that `ayb server` runs, exactly as the build made it. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive aybWar() {
    File war = new File(Objects.requireNonNull(System.getProperty("ayb.war"), "ayb.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("The WAR is not built: " + war);
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }
}
