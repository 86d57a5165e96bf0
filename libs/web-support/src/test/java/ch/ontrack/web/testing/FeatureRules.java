package ch.ontrack.web.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The package rules every backend and libs/web-support follow (docs/architecture.md "Modules and allowed dependencies"). */
public final class FeatureRules {

    /** The application modules: libs never know them. */
    static final String[] APPS = {"ch.ontrack.client..", "ch.ontrack.provider..", "ch.ontrack.launcher.."};

    private FeatureRules() {}

    /** The packages directly under {@code basePackage} (the features) never depend on each other in a circle. */
    public static ArchRule featuresAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    /** A controller is the feature's HTTP edge: nothing outside its package calls it. */
    public static ArchRule controllersAreUsedOnlyInTheirPackage() {
        return classes()
                .that()
                .haveSimpleNameEndingWith("Controller")
                .should(beUsedOnlyInTheirOwnPackage())
                .allowEmptyShould(true);
    }

    /** libs/web-support is shared by the apps and knows none of them. */
    public static ArchRule webSupportNeverDependsOnTheApps() {
        return noClasses()
                .that()
                .resideInAPackage("ch.ontrack.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(APPS);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only inside their own package") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency dependency : controller.getDirectDependenciesToSelf()) {
                    if (!dependency.getOriginClass().getPackageName().equals(controller.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
