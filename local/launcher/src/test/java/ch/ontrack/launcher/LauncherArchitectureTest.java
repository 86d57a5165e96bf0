package ch.ontrack.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which launcher package may use which (docs/architecture.md, "The local launcher's packages", draws the same):
 * {@link #ALLOWED} lists, for each package, every launcher package it may depend on. Everything else is refused,
 * so the arrows only point down, there is no cycle, and no sub-package reaches back to the top.
 */
@AnalyzeClasses(packages = LauncherArchitectureTest.TOP, importOptions = ImportOption.DoNotIncludeTests.class)
class LauncherArchitectureTest {

    static final String TOP = "ch.ontrack.launcher";

    /** Package (relative to {@link #TOP}, "" for the top itself) to the packages it may use. */
    static final Map<String, List<String>> ALLOWED = allowed();

    private static Map<String, List<String>> allowed() {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        // Main, LocalPlatform and Components wire everything together
        allowed.put("", List.of("cli", "demo", "gateway", "mail", "processes", "pki", "topology", "component"));
        allowed.put("cli", List.of("processes", "topology", "component"));
        allowed.put("demo", List.of("component"));
        allowed.put("gateway", List.of("pki", "topology", "component"));
        allowed.put("mail", List.of("topology", "component"));
        allowed.put("processes", List.of("topology", "component"));
        allowed.put("pki", List.of());
        allowed.put("topology", List.of("component"));
        allowed.put("component", List.of());
        return allowed;
    }

    @ArchTest
    static final ArchRule packagesUseOnlyThePackagesAllowedThem = layers();

    @ArchTest
    static final ArchRule noSubPackageDependsOnTheTop = noClasses()
            .that()
            .resideOutsideOfPackage(TOP)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(TOP)
            .because("the packages below get plain values (records, interfaces) from the top, never LocalPlatform"
                    + " or Components");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching(TOP + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule everyClassIsInAKnownPackage = classes()
            .should()
            .resideInAnyPackage(ALLOWED.keySet().stream()
                    .map(LauncherArchitectureTest::packageOf)
                    .toArray(String[]::new))
            .because("a new launcher package gets its line in LauncherArchitectureTest.ALLOWED and in"
                    + " docs/architecture.md");

    private static ArchRule layers() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : ALLOWED.keySet()) {
            layers = layers.layer(layerName(name)).definedBy(packageOf(name));
        }
        for (Map.Entry<String, List<String>> entry : ALLOWED.entrySet()) {
            String[] uses = entry.getValue().stream()
                    .map(LauncherArchitectureTest::layerName)
                    .toArray(String[]::new);
            layers = uses.length == 0
                    ? layers.whereLayer(layerName(entry.getKey())).mayNotAccessAnyLayer()
                    : layers.whereLayer(layerName(entry.getKey())).mayOnlyAccessLayers(uses);
        }
        return layers.because("each launcher package may use only the packages LauncherArchitectureTest.ALLOWED lists"
                + " for it (docs/architecture.md draws them)");
    }

    private static String layerName(String name) {
        return name.isEmpty() ? "launcher (top)" : name;
    }

    /** The top package alone, or a sub-package with its own sub-packages. */
    private static String packageOf(String name) {
        return name.isEmpty() ? TOP : TOP + "." + name + "..";
    }
}
