package ch.ontrack.web;

import ch.ontrack.web.testing.FeatureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** libs/web-support knows no app, and its packages (ratelimit, tracing, input, files) form no circle. */
@AnalyzeClasses(packages = "ch.ontrack.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebSupportArchitectureTest {

    @ArchTest
    static final ArchRule neverDependsOnTheApps = FeatureRules.webSupportNeverDependsOnTheApps();

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = FeatureRules.featuresAreFreeOfCycles("ch.ontrack.web");

    @ArchTest
    static final ArchRule controllersAreUsedOnlyInTheirPackage = FeatureRules.controllersAreUsedOnlyInTheirPackage();
}
