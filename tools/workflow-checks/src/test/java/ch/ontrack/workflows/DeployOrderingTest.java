package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No change is ever dropped by a cancelled deploy. GitHub runs at most one job of a concurrency group and keeps one
 * pending; a newer pending job cancels the older pending one ("Control the concurrency of workflows and jobs").
 * The simulation below pushes random changes to a real git history, plans each push with the real
 * deploy/release/image-tags.sh, runs the deploys through that queue with random timing, and checks that the cluster
 * ends with every change: each app's deployed image descends from every image any push asked for.
 */
class DeployOrderingTest {

    private static final List<String> APPS =
            List.of("provider-backend", "client-backend", "provider-frontend", "client-frontend");
    private static final List<List<String>> CHANGES = List.of(
            List.of("apps/provider-backend/x"),
            List.of("apps/client-backend/x"),
            List.of("apps/provider-frontend/x"),
            List.of("apps/client-frontend/x"),
            List.of("libs/web-support/x"),
            List.of("apps/frontend-nginx/x"),
            List.of("deploy/environments/staging.yaml"),
            List.of("apps/client-backend/y", "apps/client-frontend/y"));

    private final Map<String, Object> workflow = Repo.workflow("deploy.yml");

    @Test
    void theWorkflowDeploysEverythingOfItsCommitInOneJobPerEnvironmentThatIsNeverCancelledHalfWay() {
        Map<String, Object> jobs = Repo.map(workflow, "jobs");
        Map<String, Object> deploy = Repo.map(jobs, "deploy");

        assertThat(jobs).containsOnlyKeys("plan", "image", "deploy");
        assertThat(Repo.map(deploy, "concurrency"))
                .containsEntry("group", "deploy-${{ github.ref == 'refs/heads/main' && 'production' || 'staging' }}")
                .containsEntry("cancel-in-progress", false);
        assertThat(Repo.list(deploy, "needs")).containsExactly("plan", "image");
        String text = Repo.read(".github/workflows/deploy.yml");
        assertThat(text)
                .contains("deploy/release/upgrade.sh \"$ENVIRONMENT\" \"$PREFIX\" \"$TAGS\"")
                .contains("TAGS: ${{ needs.plan.outputs.tags }}");
        String upgrade = Repo.read("deploy/release/upgrade.sh");
        assertThat(upgrade)
                .contains(
                        "for site in client provider; do",
                        "--reset-values",
                        "--atomic",
                        "frontend.image.tag=$frontend",
                        "backend.image.tag=$backend");
        List<Object> steps = Repo.list(deploy, "steps");
        assertThat(steps.stream().filter(s -> "Smoke test".equals(((Map<?, ?>) s).get("name"))))
                .hasSize(1);
        for (String app : APPS) {
            assertThat(Repo.map(Repo.workflow(app + ".yml"), "jobs")).as(app).containsOnlyKeys("build");
        }
    }

    @Test
    void noChangeIsLostWhenWaitingDeploysAreCancelled(@TempDir Path dir) {
        GitRepo git = new GitRepo(dir);
        git.commit(
                "pom.xml",
                "package.json",
                "apps/provider-backend/a",
                "apps/client-backend/a",
                "apps/provider-frontend/a",
                "apps/client-frontend/a");
        Simulation result = simulate(git, 1, 12, (planned, changed) -> planned);

        assertThat(result.cancelled())
                .as("the simulation must exercise cancellation")
                .isPositive();
        assertThat(result.lost()).isEmpty();
        assertThat(result.deployed()).isEqualTo(plan(git));
    }

    @Test
    void theSimulationCatchesADesignThatDeploysOnlyWhatAPushChanged(@TempDir Path dir) {
        GitRepo git = new GitRepo(dir);
        git.commit(
                "pom.xml",
                "package.json",
                "apps/provider-backend/a",
                "apps/client-backend/a",
                "apps/provider-frontend/a",
                "apps/client-frontend/a");
        // The former design: each app's workflow deployed its own image of the pushed commit, nothing else.
        Simulation result = simulate(git, 1, 12, (planned, changed) -> {
            Map<String, String> only = new LinkedHashMap<>(planned);
            only.keySet().retainAll(changed);
            return only;
        });

        assertThat(result.lost()).isNotEmpty();
    }

    record Simulation(Map<String, String> deployed, List<String> lost, int cancelled) {}

    /** Pushes random changes; each push's deploy joins GitHub's queue (one running, one pending), completions at random. */
    private static Simulation simulate(
            GitRepo git,
            long seed,
            int pushes,
            BiFunction<Map<String, String>, List<String>, Map<String, String>> planner) {
        Random random = new Random(seed);
        Map<String, String> before = plan(git);
        Map<String, String> cluster = new LinkedHashMap<>(before);
        List<Map<String, String>> requested = new ArrayList<>();
        Map<String, String> running = null;
        Map<String, String> pending = null;
        int cancelled = 0;
        for (int push = 0; push < pushes; push++) {
            List<String> files = CHANGES.get(random.nextInt(CHANGES.size()));
            git.commit(files.toArray(String[]::new));
            Map<String, String> after = plan(git);
            Map<String, String> previous = before;
            List<String> changed = APPS.stream()
                    .filter(a -> !after.get(a).equals(previous.get(a)))
                    .toList();
            Map<String, String> deploy = planner.apply(after, changed);
            requested.add(after);
            before = after;
            if (running == null) {
                running = deploy;
            } else {
                if (pending != null) {
                    cancelled++;
                }
                pending = deploy;
            }
            if (random.nextInt(3) == 0 && running != null) {
                cluster.putAll(running);
                running = pending;
                pending = null;
            }
        }
        while (running != null) {
            cluster.putAll(running);
            running = pending;
            pending = null;
        }
        List<String> lost = new ArrayList<>();
        for (Map<String, String> asked : requested) {
            for (String app : APPS) {
                if (!git.isAncestor(asked.get(app), cluster.get(app))) {
                    lost.add(app + " " + asked.get(app) + " never reached the cluster (it runs " + cluster.get(app)
                            + ")");
                }
            }
        }
        return new Simulation(cluster, lost, cancelled);
    }

    private static Map<String, String> plan(GitRepo git) {
        Map<String, String> tags = new LinkedHashMap<>();
        git.imageTags(List.of(), null).forEach((app, state) -> tags.put(app, state.split(" ")[0]));
        return tags;
    }
}
