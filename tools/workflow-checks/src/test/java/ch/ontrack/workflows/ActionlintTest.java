package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionlintTest {

    private static final Path MODULE = Repo.ROOT.resolve("tools/workflow-checks");

    record Result(int exitCode, String output) {}

    @Test
    void everyWorkflowPassesActionlint() throws Exception {
        List<Path> workflows = Repo.workflowFiles();
        assertThat(workflows).hasSizeGreaterThanOrEqualTo(6);

        Result result = actionlint(workflows);

        assertThat(result.output()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void reportsAMistakeInAWorkflow(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: echo ${{ github.no_such_property }}
        """);

        Result result = actionlint(List.of(broken));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("broken.yml:6:").contains("no_such_property");
    }

    private static Result actionlint(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "lint-workflows.mjs"));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command)
                .directory(MODULE.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(process.waitFor(), output);
    }
}
