package ch.ontrack.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/**
 * The CycloneDX SBOM published with each image lists what the image really holds, each with its version: the
 * backends' from the CycloneDX Maven plugin, the web apps' from {@code npm sbom} (runtime dependencies only).
 */
class SbomIT {

    static final List<String> APPS = Images.APPS;

    /**
     * Not a dependency of the project, so not in the Maven SBOM: Spring Boot's repackaging adds it for the
     * Dockerfile's layer extraction, and the extraction copies it into the image. Known gap, named here.
     */
    static final Set<String> ADDED_BY_SPRING_BOOT = Set.of("spring-boot-jarmode-tools-4.0.7.jar");

    @BeforeAll
    static void podman() {
        Podman.assumeAvailable();
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void everyComponentHasAVersion(String app) {
        for (JsonNode component : components(app)) {
            assertThat(component.path("version").asString(""))
                    .as(app + " SBOM: " + component.path("name"))
                    .isNotBlank();
        }
    }

    /** The backends: the SBOM's libraries are exactly the jars in the image's app/lib (the extracted layout the AOT cache needs). */
    @ParameterizedTest
    @FieldSource("APPS")
    void listsTheDependenciesInTheImage(String app) {
        if (Images.isBackend(app)) {
            Set<String> jars = inImage(app, root -> files(root.resolve("app/lib")));
            Set<String> listed = new TreeSet<>(ADDED_BY_SPRING_BOOT);
            components(app).stream()
                    // starters hold no code: Spring Boot's repackaging leaves them out of the extracted lib/
                    .filter(c -> !c.path("name").asString().startsWith("spring-boot-starter"))
                    .forEach(c -> listed.add(
                            c.path("name").asString() + "-" + c.path("version").asString() + ".jar"));
            assertThat(listed).as(app + " SBOM versus the image's app/lib").containsExactlyInAnyOrderElementsOf(jars);
        } else {
            // a web app's image holds its built files only; its SBOM lists the packages bundled into them
            Set<String> served = inImage(app, root -> files(root.resolve("usr/share/nginx/html")));
            assertThat(served)
                    .containsExactlyInAnyOrderElementsOf(files(Images.root().resolve("apps/" + app + "/dist")));
            Set<String> listed = new TreeSet<>();
            components(app).stream()
                    .filter(c -> c.path("purl").asString().startsWith("pkg:npm/") && !isWorkspace(c))
                    .forEach(c -> listed.add(
                            c.path("name").asString() + "@" + c.path("version").asString()));
            assertThat(listed)
                    .as(app + " SBOM versus the lockfile's runtime dependencies of the app")
                    .containsExactlyInAnyOrderElementsOf(runtimePackages("apps/" + app))
                    .noneMatch(p -> p.startsWith("vite@") || p.startsWith("vitest@") || p.startsWith("typescript@"));
        }
    }

    private static boolean isWorkspace(JsonNode component) {
        for (JsonNode property : component.path("properties")) {
            // our own workspace packages (the app, libs/web-ui) are the private ones
            if (property.path("name").asString().equals("cdx:npm:package:private")
                    && property.path("value").asString().equals("true")) {
                return true;
            }
        }
        return false;
    }

    /** name@version of every registry package the lockfile says a workspace needs at run time (not dev). */
    static Set<String> runtimePackages(String workspace) {
        JsonNode packages = Plans.JSON
                .readTree(Images.root().resolve("package-lock.json").toFile())
                .path("packages");
        Set<String> found = new TreeSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(workspace));
        Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String path = todo.pop();
            if (!seen.add(path)) {
                continue;
            }
            JsonNode entry = packages.path(path);
            if (entry.has("link")) {
                todo.push(entry.path("resolved").asString());
                continue;
            }
            if (path.contains("node_modules/")) {
                found.add(path.substring(path.lastIndexOf("node_modules/") + "node_modules/".length()) + "@"
                        + entry.path("version").asString());
            }
            for (String dependency : entry.path("dependencies").propertyNames()) {
                todo.push(resolve(packages, path, dependency));
            }
        }
        return found;
    }

    /** Node's lookup: the nearest node_modules folder upwards from the dependent that holds the package. */
    private static String resolve(JsonNode packages, String from, String name) {
        String base = from;
        while (true) {
            String candidate = (base.isEmpty() ? "" : base + "/") + "node_modules/" + name;
            if (packages.has(candidate)) {
                return candidate;
            }
            if (base.isEmpty()) {
                throw new AssertionError("package-lock.json has no " + name + " for " + from);
            }
            int cut = base.lastIndexOf("/node_modules/");
            base = cut < 0 ? "" : base.substring(0, cut);
        }
    }

    static List<JsonNode> components(String app) {
        Path sbom = Images.root().resolve("apps/" + app + "/target/sbom/" + app + ".cdx.json");
        assertThat(sbom).as("SBOM of " + app).exists();
        JsonNode bom = Plans.JSON.readTree(sbom.toFile());
        assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        List<JsonNode> all = new java.util.ArrayList<>();
        bom.path("components").forEach(all::add);
        assertThat(all).as(app + " components").isNotEmpty();
        return all;
    }

    /** Reads an image's files through podman's mount of it (rootful). */
    static <T> T inImage(String app, Function<Path, T> read) {
        String image = Images.image(app);
        Path root = Path.of(Podman.check("image", "mount", image));
        try {
            return read.apply(root);
        } finally {
            Podman.check("image", "unmount", image);
        }
    }

    /** Relative paths of the regular files below a directory. */
    static Set<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            Set<String> files = new TreeSet<>();
            walk.filter(Files::isRegularFile)
                    .forEach(p -> files.add(dir.relativize(p).toString()));
            return files;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
