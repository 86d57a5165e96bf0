package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each app has its own workflow that builds only it and deploys it through deploy.yml. */
class AppWorkflowsTest {

  @ParameterizedTest
  @CsvSource({
    "provider-backend, backend, provider",
    "client-backend, backend, client",
    "provider-frontend, frontend, provider",
    "client-frontend, frontend, client"
  })
  void callsTheReusableDeployWorkflowWithItsOwnChartValuesAndImage(String app, String kind, String side) {
    Map<String, Object> deploy = Repo.map(Repo.map(Repo.workflow(app + ".yml"), "jobs"), "deploy");

    assertThat(deploy.get("uses")).isEqualTo("./.github/workflows/deploy.yml");
    assertThat(deploy.get("if")).isEqualTo(
        "github.event_name != 'pull_request' && (github.ref == 'refs/heads/main' || github.ref == 'refs/heads/staging')");
    Map<String, Object> with = Repo.map(deploy, "with");
    assertThat(with)
        .containsEntry("app", app)
        .containsEntry("image-kind", kind)
        .containsEntry("side", side)
        .containsEntry("chart", "deploy/charts/oc-platform")
        .containsEntry("release", "oc-" + side)
        .containsEntry("image-value", kind + ".image")
        .containsEntry("sibling-image-value", (kind.equals("backend") ? "frontend" : "backend") + ".image")
        .containsEntry("environment", "${{ github.ref == 'refs/heads/main' && 'production' || 'staging' }}");
    assertThat(Repo.map(deploy, "permissions")).containsEntry("packages", "write");
  }

  @ParameterizedTest
  @CsvSource({
    "provider-backend, backend, libs/web-support/**",
    "client-backend, backend, libs/web-support/**",
    "provider-frontend, frontend, apps/frontend-nginx/**",
    "client-frontend, frontend, apps/frontend-nginx/**"
  })
  void runsOnlyForChangesToTheAppAndWhatItIsBuiltFrom(String app, String kind, String shared) {
    Map<String, Object> on = Repo.triggers(Repo.workflow(app + ".yml"));

    for (String event : List.of("push", "pull_request")) {
      assertThat(Repo.list(on.get(event), "paths"))
          .contains("apps/" + app + "/**", shared, "pom.xml", "deploy/images/" + kind + ".Dockerfile",
              "deploy/charts/oc-platform/**", "deploy/environments/**",
              ".github/workflows/" + app + ".yml", ".github/workflows/deploy.yml")
          .noneMatch(p -> p.toString().startsWith("apps/") && !p.equals("apps/" + app + "/**") && !p.equals(shared));
    }
    assertThat(Repo.list(on.get("push"), "branches")).containsExactlyInAnyOrder("main", "staging");
  }

  @ParameterizedTest
  @CsvSource({"provider-backend", "client-backend", "provider-frontend", "client-frontend"})
  void testsTheAppAndHandsItsBuildOutputToTheDeployment(String app) {
    Map<String, Object> build = Repo.map(Repo.map(Repo.workflow(app + ".yml"), "jobs"), "build");
    List<Object> steps = Repo.list(build, "steps");

    assertThat(steps).anySatisfy(s -> assertThat(((Map<?, ?>) s).get("run"))
        .isEqualTo("mvn -B -pl apps/" + app + " -am verify"));
    assertThat(steps).anySatisfy(s -> {
      assertThat((String) ((Map<?, ?>) s).get("uses")).startsWith("actions/upload-artifact@");
      assertThat(Repo.map(s, "with")).containsEntry("name", app);
    });
    assertThat(Repo.map(build, "permissions")).containsOnlyKeys("contents");
  }
}
