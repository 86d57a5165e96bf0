package ch.ontrack.provider;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ch.ontrack.web.testing.FeatureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package by feature (account, audit, clients, documents, mail, sharing, system): no circle between features,
 * controllers stay inside theirs, no other feature uses sharing, and web-support knows no app
 * (docs/architecture.md "Modules and allowed dependencies").
 */
@AnalyzeClasses(
        packages = {"ch.ontrack.provider", "ch.ontrack.web"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nothingDependsOnTheClientSide = noClasses()
            .that()
            .resideInAPackage("ch.ontrack.provider..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ch.ontrack.client..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = FeatureRules.featuresAreFreeOfCycles("ch.ontrack.provider");

    @ArchTest
    static final ArchRule controllersAreUsedOnlyInTheirPackage = FeatureRules.controllersAreUsedOnlyInTheirPackage();

    @ArchTest
    static final ArchRule webSupportNeverDependsOnTheApps = FeatureRules.webSupportNeverDependsOnTheApps();

    @ArchTest
    static final ArchRule onlySharingKnowsAboutSharing = noClasses()
            .that()
            .resideInAPackage("ch.ontrack.provider..")
            .and()
            .resideOutsideOfPackage("ch.ontrack.provider.sharing..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ch.ontrack.provider.sharing..");

    @ArchTest
    static final ArchRule accountsKnowNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("ch.ontrack.provider.account..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ch.ontrack.provider.clients..", "ch.ontrack.provider.documents..");

    @ArchTest
    static final ArchRule controllersUseNoHttpClientOrSql = noClasses()
            .that()
            .resideInAPackage("ch.ontrack.provider..")
            .and()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net.http..", "java.sql..");
}
