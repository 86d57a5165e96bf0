package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The toolchain is set up in one place (the composite action .github/actions/setup-toolchain) and an app is built
 * by one reusable workflow (build-app.yml), so a Java or Node.js bump is one line.
 */
class BuildingBlocksTest {

    static final String TOOLCHAIN = ".github/actions/setup-toolchain/action.yml";

    @Test
    void onlyTheCompositeActionSetsUpJavaOrNode() {
        for (String file : Repo.actionUsers()) {
            if (!file.equals(TOOLCHAIN)) {
                assertThat(Repo.read(file)).as(file).doesNotContain("actions/setup-java", "actions/setup-node");
            }
        }
        assertThat(Repo.read(TOOLCHAIN)).contains("actions/setup-java@", "actions/setup-node@");
    }

    @Test
    void theToolchainActionIsCompositeWithAnOptionalNodeInput() {
        Map<String, Object> action = Repo.yaml(TOOLCHAIN);

        assertThat(Repo.map(action, "runs")).containsEntry("using", "composite");
        assertThat(Repo.map(Repo.map(action, "inputs"), "node"))
                .containsEntry("required", false)
                .containsEntry("default", "false");
    }

    @Test
    void theToolchainMatchesWhatTheBuildExpects() {
        String action = Repo.read(TOOLCHAIN);
        String release = Repo.read("pom.xml").replaceAll("(?s).*<java\\.version>(\\d+)<.*", "$1");
        String node = Repo.read("package.json").replaceAll("(?s).*\"node\"\\s*:\\s*\">=(\\d+)[^\"]*\".*", "$1");

        assertThat(action).contains("java-version: \"" + release + "\"");
        int nodeVersion = Integer.parseInt(action.replaceAll("(?s).*node-version: \"(\\d+)\".*", "$1"));
        assertThat(nodeVersion).isGreaterThanOrEqualTo(Integer.parseInt(node));
    }

    @Test
    void theReusableWorkflowBuildsTheAppItIsGiven() {
        Map<String, Object> workflow = Repo.workflow("build-app.yml");
        Map<String, Object> call = Repo.map(Repo.triggers(workflow), "workflow_call");
        List<Object> steps = Repo.list(Repo.map(Repo.map(workflow, "jobs"), "build"), "steps");

        assertThat(Repo.triggers(workflow)).containsOnlyKeys("workflow_call");
        assertThat(Repo.map(Repo.map(call, "inputs"), "app")).containsEntry("required", true);
        assertThat(steps)
                .anySatisfy(
                        s -> assertThat(((Map<?, ?>) s).get("uses")).isEqualTo("./.github/actions/setup-toolchain"));
        assertThat(steps)
                .anySatisfy(
                        s -> assertThat(((Map<?, ?>) s).get("run")).isEqualTo("mvn -B -pl \"apps/$APP\" -am verify"));
    }
}
