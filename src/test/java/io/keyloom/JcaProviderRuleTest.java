package io.keyloom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The release jar is shaded, which strips Bouncy Castle's jar signature; Oracle's JDK accepts only
 * signed JCE providers. Keyloom therefore uses BC through its lightweight API only and never
 * installs or instantiates a BC JCA provider (docs/packaging.md#release-jar-shaded).
 */
class JcaProviderRuleTest {
  @Test
  void keyloomNeverRegistersOrInstantiatesAJcaProvider() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.bouncycastle.jce.provider..", "org.bouncycastle.jcajce.provider..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.security.Security")
        .because("an unsigned (shaded) Bouncy Castle cannot be a JCE provider on every JDK")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.keyloom"));
  }
}
