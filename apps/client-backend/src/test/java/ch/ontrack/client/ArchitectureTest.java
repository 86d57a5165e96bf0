package ch.ontrack.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ch.ontrack.web.testing.FeatureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package by feature (access, file, internal, share): no circle between features, controllers stay inside
 * theirs; dependencies point one way: the provider side may know the client side, never the reverse, and
 * web-support knows neither (docs/architecture.md "Modules and allowed dependencies").
 */
@AnalyzeClasses(
        packages = {"ch.ontrack.client", "ch.ontrack.web"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule clientNeverDependsOnProviderCode = noClasses()
            .that()
            .resideInAPackage("ch.ontrack.client..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ch.ontrack.provider..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = FeatureRules.featuresAreFreeOfCycles("ch.ontrack.client");

    @ArchTest
    static final ArchRule controllersAreUsedOnlyInTheirPackage = FeatureRules.controllersAreUsedOnlyInTheirPackage();

    @ArchTest
    static final ArchRule webSupportNeverDependsOnTheApps = FeatureRules.webSupportNeverDependsOnTheApps();
}
