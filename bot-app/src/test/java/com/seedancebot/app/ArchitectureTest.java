package com.seedancebot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md: the core stays plain and never reaches into an adapter. */
class ArchitectureTest {

  private static final java.util.regex.Pattern TEST_JAR =
      java.util.regex.Pattern.compile(".*-tests\\.jar.*");

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // the modules' test-jars (fakes, test kits) are on this module's test classpath
          .withImportOption(location -> !location.matches(TEST_JAR))
          .importPackages("com.seedancebot");

  @Test
  void coreDependsOnNoFrameworkOrPlatformLibrary() {
    noClasses()
        .that()
        .resideInAPackage("com.seedancebot.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.boot..",
            "org.springframework.web..",
            "org.springframework.stereotype..",
            "org.telegram..",
            "net.dv8tion..",
            "jakarta.servlet..")
        .check(CLASSES);
  }

  @Test
  void coreNeverImportsAnAdapterOrTheApp() {
    noClasses()
        .that()
        .resideInAPackage("com.seedancebot.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.seedancebot.telegram..", "com.seedancebot.discord..", "com.seedancebot.app..")
        .check(CLASSES);
  }

  @Test
  void adaptersDoNotKnowEachOtherOrTheApp() {
    noClasses()
        .that()
        .resideInAPackage("com.seedancebot.telegram..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.seedancebot.discord..", "com.seedancebot.app..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("com.seedancebot.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.seedancebot.telegram..", "com.seedancebot.app..")
        .check(CLASSES);
  }

  @Test
  void chatSurfacesUseTheCoreOnlyThroughItsPorts() {
    noClasses()
        .that()
        .resideInAnyPackage("com.seedancebot.telegram..", "com.seedancebot.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.seedancebot.core.job..",
            "com.seedancebot.core.quota..",
            "com.seedancebot.core.provider..")
        .check(CLASSES);
  }

  @Test
  void onlyTheS3StoreKnowsTheAwsSdk() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.seedancebot.core.asset.s3..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .check(CLASSES);
  }

  @Test
  void corePackagesHaveNoCycles() {
    slices().matching("com.seedancebot.core.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
