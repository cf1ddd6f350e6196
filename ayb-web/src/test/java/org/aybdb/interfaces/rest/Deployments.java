package org.aybdb.interfaces.rest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.aybdb.interfaces.oauth.rest.ClockControlServlet;
import org.aybdb.interfaces.oauth.rest.ShiftedClock;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that `ayb server` runs, exactly as the build made it, and the tests' copy of it. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive aybWar() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, aybWarFile());
  }

  private static File aybWarFile() {
    File war = new File(Objects.requireNonNull(System.getProperty("ayb.war"), "ayb.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("The WAR is not built: " + war);
    }
    return war;
  }

  /**
   * Writes the WAR of the {@link SharedServer} to {@code target}: the build's WAR plus the clock
   * that OAuthIT shifts ({@link ShiftedClock}, {@link ClockControlServlet}).
   *
   * <p>A copy with the classes added through the JDK's zip file system, which copies the other
   * entries as they are: building it with ShrinkWrap inflated and deflated the whole WAR (over 120
   * MB) again on every server start.
   */
  static void exportTestWar(File target) throws IOException {
    Files.copy(aybWarFile().toPath(), target.toPath(), StandardCopyOption.REPLACE_EXISTING);
    try (FileSystem war = FileSystems.newFileSystem(target.toPath())) {
      for (Class<?> type : List.of(ShiftedClock.class, ClockControlServlet.class)) {
        String path = type.getName().replace('.', '/');
        addClass(war, path);
        // Its anonymous classes (ShiftedClock$1), numbered from 1 without gaps.
        for (int i = 1; addClass(war, path + "$" + i); i++) {}
      }
    }
  }

  /** Copies a class file of the test class path into WEB-INF/classes; false if there is none. */
  private static boolean addClass(FileSystem war, String binaryPath) throws IOException {
    String resource = binaryPath + ".class";
    try (InputStream in = Deployments.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      Path entry = war.getPath("WEB-INF/classes", resource);
      Files.createDirectories(entry.getParent());
      Files.copy(in, entry, StandardCopyOption.REPLACE_EXISTING);
      return true;
    }
  }
}
