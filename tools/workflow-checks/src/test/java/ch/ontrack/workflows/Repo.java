package ch.ontrack.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The repository as the tests see it: files under the root and workflows as YAML maps. */
final class Repo {

    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path WORKFLOWS = ROOT.resolve(".github/workflows");

    private Repo() {}

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> workflowFiles() {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's own composite actions (.github/actions/<name>/action.yml), as paths from the root. */
    static List<String> actionFiles() {
        try (Stream<Path> files = Files.walk(ROOT.resolve(".github/actions"))) {
            return files.filter(p -> p.getFileName().toString().equals("action.yml"))
                    .sorted()
                    .map(p -> ROOT.relativize(p).toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file that names actions: the workflows and the composite actions, as paths from the root. */
    static List<String> actionUsers() {
        List<String> files = new java.util.ArrayList<>();
        workflowFiles().forEach(w -> files.add(".github/workflows/" + w.getFileName()));
        files.addAll(actionFiles());
        return files;
    }

    static Map<String, Object> yaml(String relative) {
        return new Yaml().load(read(relative));
    }

    static Map<String, Object> workflow(String name) {
        return new Yaml().load(read(".github/workflows/" + name));
    }

    /** `on:` is a YAML 1.1 boolean to SnakeYAML, so the trigger block sits under `true`. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> triggers(Map<String, Object> workflow) {
        Object on = workflow.containsKey("on")
                ? workflow.get("on")
                : ((Map<Object, Object>) (Map<?, ?>) workflow).get(true);
        return (Map<String, Object>) on;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o, String key) {
        return (List<Object>) ((Map<String, Object>) o).get(key);
    }
}
