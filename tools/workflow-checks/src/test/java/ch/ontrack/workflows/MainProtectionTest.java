package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The slow checks (the whole suite with browsers, the kind cluster) protect main: they run in the merge queue, on
 * pushes to main and staging, and nightly, not on every pull request, which gets the per-app workflows and the chart
 * checks.
 */
class MainProtectionTest {

    @Test
    void theWholeSuiteRunsInTheMergeQueueOnMainAndNightlyButNotOnPullRequests() {
        Map<String, Object> on = Repo.triggers(Repo.workflow("platform.yml"));

        assertThat(on).containsKeys("merge_group", "schedule", "push").doesNotContainKey("pull_request");
        assertThat(Repo.list(on.get("push"), "branches")).contains("main");
    }

    @Test
    void theKindJobRunsWhereItProtectsMainOnly() {
        Map<String, Object> workflow = Repo.workflow("charts.yml");
        Map<String, Object> on = Repo.triggers(workflow);
        Map<String, Object> jobs = Repo.map(workflow, "jobs");

        assertThat(on).containsKeys("merge_group", "schedule", "push", "pull_request");
        assertThat(Repo.map(jobs, "kind-e2e")).containsEntry("if", "github.event_name != 'pull_request'");
        for (String fast : List.of("lint", "validate")) {
            assertThat(Repo.map(jobs, fast)).as(fast).doesNotContainKey("if");
        }
    }

    @Test
    void mergeQueueRunsAreNeverCancelledByANewerOne() {
        for (String name : List.of("platform.yml", "charts.yml")) {
            Object cancel = Repo.map(Repo.workflow(name), "concurrency").get("cancel-in-progress");
            assertThat(String.valueOf(cancel)).as(name).isIn("false", "${{ github.event_name == 'pull_request' }}");
        }
    }
}
