package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each app has its own workflow that tests pull requests on its inputs (PathFiltersTest); deploy.yml publishes. */
class AppWorkflowsTest {

  @ParameterizedTest
  @CsvSource({"provider-backend", "client-backend", "provider-frontend", "client-frontend"})
  void testsTheAppOnPullRequestsAndNeverDeploys(String app) {
    Map<String, Object> workflow = Repo.workflow(app + ".yml");
    Map<String, Object> build = Repo.map(Repo.map(workflow, "jobs"), "build");
    List<Object> steps = Repo.list(build, "steps");

    assertThat(Repo.triggers(workflow)).containsOnlyKeys("pull_request", "workflow_dispatch");
    assertThat(Repo.map(workflow, "jobs")).containsOnlyKeys("build");
    assertThat(steps).anySatisfy(s -> assertThat(((Map<?, ?>) s).get("run"))
        .isEqualTo("mvn -B -pl apps/" + app + " -am verify"));
    assertThat(Repo.map(build, "permissions")).containsOnlyKeys("contents");
  }
}
