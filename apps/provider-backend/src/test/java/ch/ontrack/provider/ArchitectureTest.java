package ch.ontrack.provider;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "ch.ontrack.provider", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule nothingDependsOnTheClientSide =
      noClasses().should().dependOnClassesThat().resideInAPackage("ch.ontrack.client..");

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("ch.ontrack.provider.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlySharingKnowsAboutSharing =
      noClasses().that().resideOutsideOfPackage("ch.ontrack.provider.sharing..")
          .should().dependOnClassesThat().resideInAPackage("ch.ontrack.provider.sharing..");

  @ArchTest
  static final ArchRule accountsKnowNoOtherFeature =
      noClasses().that().resideInAPackage("ch.ontrack.provider.account..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "ch.ontrack.provider.clients..", "ch.ontrack.provider.documents..");

  @ArchTest
  static final ArchRule controllersUseNoHttpClientOrSql =
      noClasses().that().haveSimpleNameEndingWith("Controller")
          .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.sql..");
}
