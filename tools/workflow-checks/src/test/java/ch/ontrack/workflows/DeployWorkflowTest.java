package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one reusable workflow that publishes, deploys, smoke-tests and rolls back. */
class DeployWorkflowTest {

  private final Map<String, Object> workflow = Repo.workflow("deploy.yml");
  private final Map<String, Object> jobs = Repo.map(workflow, "jobs");

  @Test
  void isReusableAndEveryAppPassesExactlyItsRequiredInputs() {
    Map<String, Object> inputs = Repo.map(Repo.map(Repo.triggers(workflow), "workflow_call"), "inputs");
    Set<String> required = inputs.entrySet().stream()
        .filter(e -> Boolean.TRUE.equals(Repo.map(inputs, e.getKey()).get("required")))
        .map(Map.Entry::getKey).collect(Collectors.toSet());

    for (String app : List.of("provider-backend", "client-backend", "provider-frontend", "client-frontend")) {
      Map<String, Object> with = Repo.map(Repo.map(Repo.map(Repo.workflow(app + ".yml"), "jobs"), "deploy"), "with");
      assertThat(inputs.keySet()).as(app).containsAll(with.keySet());
      assertThat(with.keySet()).as(app).containsAll(required);
    }
  }

  @Test
  void pushesTheImageToGhcrTaggedWithTheCommit() {
    Map<String, Object> image = Repo.map(jobs, "image");
    Map<String, Object> build = step(image, "docker/build-push-action@");

    assertThat(Repo.map(image, "permissions")).containsOnly(Map.entry("contents", "read"), Map.entry("packages", "write"));
    assertThat(Repo.map(build, "with"))
        .containsEntry("file", "deploy/images/${{ inputs.image-kind }}.Dockerfile")
        .containsEntry("tags", "${{ steps.name.outputs.repository }}:${{ github.sha }}")
        .containsEntry("push", true);
    assertThat((String) Repo.map(build, "with").get("build-args"))
        .contains("APP=${{ inputs.app }}", "REVISION=${{ github.sha }}", "SOURCE=", "VERSION=");
    assertThat(Repo.read(".github/workflows/deploy.yml")).contains("repository=ghcr.io/${OWNER,,}/oc-${APP}");
  }

  @Test
  void deploysOneEnvironmentAtATimeBehindItsGitHubEnvironment() {
    Map<String, Object> deploy = Repo.map(jobs, "deploy");

    assertThat(Repo.map(deploy, "environment")).containsEntry("name", "${{ inputs.environment }}");
    assertThat(Repo.map(deploy, "concurrency"))
        .containsEntry("group", "deploy-${{ inputs.environment }}")
        .containsEntry("cancel-in-progress", false);
    assertThat(Repo.map(deploy, "permissions")).containsOnly(Map.entry("contents", "read"));
  }

  @Test
  void upgradesAtomicallyWithTheCommitTagThenSmokeTestsAndRollsBackOnFailure() {
    List<Object> steps = Repo.list(Repo.map(jobs, "deploy"), "steps");
    int upgrade = indexOf(steps, "helm upgrade");
    int smoke = indexOf(steps, "Smoke test");
    int rollback = indexOf(steps, "Roll back");

    String helm = run(steps.get(upgrade));
    assertThat(helm).contains("--install", "--atomic", "--wait", "$IMAGE_VALUE.tag=$IMAGE_TAG",
        "image.repositoryPrefix=$IMAGE_PREFIX",
        "--values \"deploy/environments/$TARGET.yaml\"", "site=$SIDE", "--reset-then-reuse-values");
    assertThat((String) Repo.map(Repo.map(jobs, "deploy"), "env").get("IMAGE_TAG")).isEqualTo("${{ github.sha }}");
    assertThat(run(steps.get(smoke))).isEqualTo("java -jar tools/smoke-test/target/smoke-test.jar");
    assertThat(((Map<?, ?>) steps.get(rollback)).get("if")).isEqualTo("failure() && steps.upgrade.outcome == 'success'");
    assertThat(run(steps.get(rollback))).contains("helm rollback \"$RELEASE\" 0");
    assertThat(upgrade).isLessThan(smoke);
    assertThat(smoke).isLessThan(rollback);
  }

  private static int indexOf(List<Object> steps, String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (name.equals(((Map<?, ?>) steps.get(i)).get("name"))) {
        return i;
      }
    }
    throw new AssertionError("no step named " + name);
  }

  private static String run(Object step) {
    return (String) ((Map<?, ?>) step).get("run");
  }

  private static Map<String, Object> step(Map<String, Object> job, String usesPrefix) {
    return Repo.list(job, "steps").stream()
        .filter(s -> String.valueOf(((Map<?, ?>) s).get("uses")).startsWith(usesPrefix))
        .map(Repo::asMap)
        .findFirst().orElseThrow(() -> new AssertionError("no step uses " + usesPrefix));
  }
}
