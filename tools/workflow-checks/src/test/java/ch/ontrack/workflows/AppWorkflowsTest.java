package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each app has its own workflow that tests pull requests on its inputs (PathFiltersTest) by calling the one
 * reusable build-app.yml with its name; deploy.yml publishes.
 */
class AppWorkflowsTest {

    @ParameterizedTest
    @CsvSource({"provider-backend", "client-backend", "provider-frontend", "client-frontend"})
    void testsTheAppOnPullRequestsThroughTheReusableWorkflowAndNeverDeploys(String app) {
        Map<String, Object> workflow = Repo.workflow(app + ".yml");
        Map<String, Object> build = Repo.map(Repo.map(workflow, "jobs"), "build");

        assertThat(Repo.triggers(workflow)).containsOnlyKeys("pull_request", "workflow_dispatch");
        assertThat(Repo.map(workflow, "jobs")).containsOnlyKeys("build");
        assertThat(build).containsEntry("uses", "./.github/workflows/build-app.yml");
        assertThat(Repo.map(build, "with")).isEqualTo(Map.of("app", app));
        assertThat(Repo.map(build, "permissions")).isEqualTo(Map.of("contents", "read"));
    }
}
