package io.keyloom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the layer direction of DESIGN.md: http -> auth, kms -> crypto, store. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.keyloom");
  }

  @Test
  void cryptoDependsOnNoOtherLayer() {
    noClasses()
        .that()
        .resideInAPackage("io.keyloom.crypto..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.keyloom.http..",
            "io.keyloom.auth..",
            "io.keyloom.kms..",
            "io.keyloom.store..",
            "io.keyloom.config..",
            "io.keyloom.error..",
            "io.vertx..",
            "java.sql..")
        .check(classes);
  }

  @Test
  void auditDependsOnNoOtherLayer() {
    noClasses()
        .that()
        .resideInAPackage("io.keyloom.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.keyloom.http..",
            "io.keyloom.auth..",
            "io.keyloom.kms..",
            "io.keyloom.store..",
            "io.keyloom.crypto..",
            "io.vertx..")
        .check(classes);
  }

  @Test
  void storeKnowsNoCryptoAndNoHttp() {
    noClasses()
        .that()
        .resideInAPackage("io.keyloom.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.keyloom.http..",
            "io.keyloom.auth..",
            "io.keyloom.kms..",
            "io.keyloom.crypto..",
            "io.vertx..")
        .check(classes);
  }

  @Test
  void servicesNeverSeeHttpOrVertx() {
    noClasses()
        .that()
        .resideInAnyPackage("io.keyloom.kms..", "io.keyloom.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.keyloom.http..", "io.vertx..")
        .check(classes);
  }

  @Test
  void kmsAndAuthAreIndependent() {
    noClasses()
        .that()
        .resideInAPackage("io.keyloom.kms..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.keyloom.auth..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.keyloom.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.keyloom.kms..")
        .check(classes);
  }

  @Test
  void onlyTheCompositionRootWiresLayersTogether() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.keyloom")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.keyloom.KeyloomServer")
        .check(classes);
  }

  /**
   * Endpoint code (the route table, its helpers and the endpoints) sees no Vert.x type: only {@code
   * HttpApi}, {@code CallerAuth} and the connection guards speak Vert.x (docs/routes.md).
   */
  @Test
  void endpointCodeNeverSeesVertx() {
    noClasses()
        .that()
        .haveSimpleNameStartingWith("Route")
        .or()
        .haveSimpleNameEndingWith("Routes")
        .or()
        .haveSimpleNameStartingWith("Endpoint")
        .or()
        .haveSimpleNameStartingWith("Binding")
        .or()
        .haveSimpleNameStartingWith("IamEndpoints")
        .or()
        .haveSimpleNameStartingWith("Controls")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.vertx..")
        .check(classes);
  }
}
