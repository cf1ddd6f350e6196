package org.aybdb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Ports and adapters: the domain depends on nothing of ours but itself; the application depends on
 * the domain and on the ports it owns ({@code application.port}); infrastructure implements those
 * ports, and only the edge ({@code interfaces}, in ayb-web) speaks HTTP. A new import across these
 * lines fails the build here.
 */
class LayeringTest {

  private static final String DOMAIN = "org.aybdb.domain..";
  private static final String APPLICATION = "org.aybdb.application..";
  private static final String PORTS = "org.aybdb.application.port..";
  private static final String INFRASTRUCTURE = "org.aybdb.infrastructure..";
  private static final String INTERFACES = "org.aybdb.interfaces..";

  /** Libraries that belong behind a port: storage, crypto, mail, HTTP clients, the sandbox. */
  private static final String[] ADAPTER_LIBRARIES = {
    "com.github.luben.zstd..",
    "org.bouncycastle..",
    "com.macasaet.fernet..",
    "software.amazon.awssdk..",
    "jakarta.mail..",
    "org.eclipse.angus..",
    "org.apache.hc..",
    "org.flywaydb..",
    "org.sqlite..",
    "org.postgresql..",
    "org.aybdb.sandbox.."
  };

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("org.aybdb");

  @Test
  void theApplicationDoesNotUseInfrastructure() {
    check(
        noClasses()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(INFRASTRUCTURE)
            .because(
                "the application owns ports in application.port; infrastructure implements"
                    + " them"));
  }

  @Test
  void theDomainDependsOnItselfAlone() {
    forbid(new String[] {DOMAIN}, INFRASTRUCTURE, APPLICATION, INTERFACES);
  }

  @Test
  void nothingHereUsesTheEdge() {
    forbid(new String[] {DOMAIN, APPLICATION, INFRASTRUCTURE}, INTERFACES);
  }

  @Test
  void theInnerLayersDoNotSpeakHttp() {
    forbid(
        new String[] {DOMAIN, APPLICATION},
        "jakarta.ws.rs..",
        "jakarta.servlet..",
        "java.net.http..");
  }

  @Test
  void adapterLibrariesStayInInfrastructure() {
    forbid(new String[] {DOMAIN, APPLICATION}, ADAPTER_LIBRARIES);
  }

  @Test
  void portsAreInterfacesOfTheApplication() {
    check(
        classes()
            .that()
            .resideInAPackage(PORTS)
            .and()
            .areTopLevelClasses()
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .beInterfaces());
    check(
        noClasses()
            .that()
            .resideInAPackage(PORTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INFRASTRUCTURE, "org.aybdb.application.internal.."));
  }

  /**
   * CDI resolves an injected port only when exactly one bean implements it: a second one would make
   * the deployment fail, none would make it fail later.
   */
  @Test
  void eachPortHasExactlyOneBean() {
    Map<String, List<String>> beans = new TreeMap<>();
    for (JavaClass port : MAIN) {
      if (port.getPackageName().equals("org.aybdb.application.port")
          && port.isInterface()
          && port.isTopLevelClass()
          && !port.getSimpleName().equals("package-info")) {
        beans.put(
            port.getSimpleName(),
            port.getAllSubclasses().stream()
                .filter(LayeringTest::isBean)
                .map(JavaClass::getName)
                .sorted()
                .collect(Collectors.toList()));
      }
    }
    Map<String, Integer> counts = new TreeMap<>();
    beans.forEach((port, implementations) -> counts.put(port, implementations.size()));
    Map<String, Integer> one = new TreeMap<>();
    beans.keySet().forEach(port -> one.put(port, 1));
    assertEquals(one, counts, "bean implementations of each port: " + beans);
  }

  private static boolean isBean(JavaClass type) {
    return !type.isInterface()
        && (type.isAnnotatedWith(ApplicationScoped.class)
            || type.isAnnotatedWith(RequestScoped.class)
            || type.isAnnotatedWith(Dependent.class)
            || type.isAnnotatedWith(Stateless.class)
            || type.isAnnotatedWith(Singleton.class));
  }

  private static void forbid(String[] from, String... to) {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(from)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(to));
  }

  private static void check(ArchRule rule) {
    rule.check(MAIN);
  }
}
