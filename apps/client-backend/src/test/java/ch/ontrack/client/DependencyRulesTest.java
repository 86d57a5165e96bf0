package ch.ontrack.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: the provider side may know the client side, never the reverse. */
@AnalyzeClasses(packages = "ch.ontrack.client", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

  @ArchTest
  static final ArchRule clientNeverDependsOnProviderCode =
      noClasses().that().resideInAPackage("ch.ontrack.client..")
          .should().dependOnClassesThat().resideInAPackage("ch.ontrack.provider..");
}
