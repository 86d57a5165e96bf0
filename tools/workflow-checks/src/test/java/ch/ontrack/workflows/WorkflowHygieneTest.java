package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rules every workflow follows: pinned actions, least privilege, no risky triggers. */
class WorkflowHygieneTest {

    private static final Pattern USES = Pattern.compile("uses:\\s*([^\\s#]+)");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");

    @Test
    void everyActionIsPinnedToAFullCommitSha() {
        for (String file : Repo.actionUsers()) {
            Matcher m = USES.matcher(Repo.read(file));
            while (m.find()) {
                String ref = m.group(1);
                if (!ref.startsWith("./")) {
                    assertThat(ref).as(file).matches(PINNED);
                }
            }
        }
    }

    @Test
    void everyWorkflowStartsWithoutPermissionsAndEachJobAsksOnlyForWhatItNeeds() {
        for (Path file : Repo.workflowFiles()) {
            Map<String, Object> workflow = Repo.workflow(file.getFileName().toString());
            assertThat(workflow).as(file.getFileName().toString()).containsEntry("permissions", Map.of());
            Repo.map(workflow, "jobs").forEach((name, job) -> {
                Map<String, Object> permissions = Repo.map(job, "permissions");
                assertThat(permissions).as(file.getFileName() + " " + name).isNotNull();
                assertThat(permissions.keySet())
                        .as(file.getFileName() + " " + name)
                        .isSubsetOf("contents", "packages", "id-token");
                assertThat(permissions.get("contents")).isEqualTo("read");
                // Signing needs the OIDC token only where images are pushed.
                if (permissions.containsKey("id-token")) {
                    assertThat(permissions).as(file.getFileName() + " " + name).containsEntry("packages", "write");
                }
            });
        }
    }

    @Test
    void noWorkflowRunsUntrustedCodeWithSecrets() {
        for (Path file : Repo.workflowFiles()) {
            Map<String, Object> on =
                    Repo.triggers(Repo.workflow(file.getFileName().toString()));
            assertThat(on).as(file.getFileName().toString()).doesNotContainKeys("pull_request_target", "workflow_run");
        }
    }

    @Test
    void eachWorkflowIsExplainedInTheReadme() {
        String readme = Repo.read(".github/workflows/README.md");
        for (Path file : Repo.workflowFiles()) {
            assertThat(readme).contains("`" + file.getFileName() + "`");
        }
    }

    @Test
    void dependencyUpdatesCoverMavenNpmActionsAndImages() {
        assertThat(Repo.read(".github/renovate.json"))
                .contains("\"maven\"", "\"npm\"", "\"github-actions\"", "\"dockerfile\"", "\"custom.regex\"");
        assertThat(List.of("helpers:pinGitHubActionDigests", "docker:pinDigests"))
                .allSatisfy(
                        preset -> assertThat(Repo.read(".github/renovate.json")).contains(preset));
    }
}
