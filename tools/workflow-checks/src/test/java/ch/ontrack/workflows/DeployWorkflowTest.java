package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy.yml: missing images built, tested, signed and attested; signatures verified before anything is deployed. */
class DeployWorkflowTest {

    private final Map<String, Object> jobs = Repo.map(Repo.workflow("deploy.yml"), "jobs");

    @Test
    void runsOnPushesToStagingAndMainOnly() {
        Map<String, Object> on = Repo.triggers(Repo.workflow("deploy.yml"));

        assertThat(on).containsOnlyKeys("push", "workflow_dispatch");
        assertThat(Repo.list(on.get("push"), "branches")).containsExactlyInAnyOrder("main", "staging");
        assertThat(Repo.map(jobs, "plan").get("if"))
                .isEqualTo("github.ref == 'refs/heads/main' || github.ref == 'refs/heads/staging'");
    }

    @Test
    void buildsOnlyTheMissingImagesTestedWithTheirSbomSignedAndAttested() {
        Map<String, Object> image = Repo.map(jobs, "image");
        String text = Repo.read(".github/workflows/deploy.yml");

        assertThat(Repo.map(Repo.map(image, "strategy"), "matrix"))
                .containsEntry("app", "${{ fromJSON(needs.plan.outputs.build) }}");
        assertThat(Repo.map(image, "permissions"))
                .containsOnly(
                        Map.entry("contents", "read"), Map.entry("packages", "write"), Map.entry("id-token", "write"));
        assertThat(runs(image)).contains("mvn -B -pl \"apps/$APP\" -am verify");
        assertThat(step(image, "actions/upload-artifact@").get("with").toString())
                .contains("apps/${{ matrix.app }}/target/sbom/${{ matrix.app }}.cdx.json")
                .contains("if-no-files-found=error");
        assertThat(text)
                .contains(
                        "tags: ${{ env.IMAGE }}",
                        "cosign sign --yes \"$ref\"",
                        "cosign attest --yes --type cyclonedx --predicate \"apps/$APP/target/sbom/$APP.cdx.json\" \"$ref\"");
    }

    @Test
    void verifiesEveryImagesSignatureAndAttestationBeforeTheUpgrade() {
        List<Object> steps = Repo.list(Repo.map(jobs, "deploy"), "steps");
        int verify = index(steps, "Verify each image's signature and SBOM attestation");
        int upgrade = index(steps, "helm upgrade");
        int smoke = index(steps, "Smoke test");
        int rollback = index(steps, "Roll back");

        String check = (String) ((Map<?, ?>) steps.get(verify)).get("run");
        assertThat(check)
                .contains(
                        "for app in provider-backend provider-frontend client-backend client-frontend",
                        "verify verify-attestation",
                        "--certificate-oidc-issuer https://token.actions.githubusercontent.com",
                        "--certificate-identity-regexp");
        assertThat(verify).isLessThan(upgrade);
        assertThat(upgrade).isLessThan(smoke);
        assertThat(smoke).isLessThan(rollback);
        assertThat(((Map<?, ?>) steps.get(rollback)).get("if"))
                .isEqualTo("failure() && steps.upgrade.outcome != 'skipped'");
        assertThat(Repo.map(Repo.map(jobs, "deploy"), "permissions"))
                .containsOnly(Map.entry("contents", "read"), Map.entry("packages", "read"));
    }

    @Test
    void createsThePullSecretOnlyWhenTheEnvironmentHasAToken() {
        String script = Repo.read("deploy/release/pull-secret.sh");

        assertThat(script)
                .contains(
                        "if [ -z \"${GHCR_PULL_TOKEN:-}\" ]; then",
                        "kubectl create secret docker-registry ghcr-pull",
                        "PULL_SECRET=ghcr-pull");
        assertThat(Repo.read("deploy/release/upgrade.sh")).contains("image.pullSecrets[0]=$PULL_SECRET");
    }

    private static String runs(Map<String, Object> job) {
        return String.join(
                "\n",
                Repo.list(job, "steps").stream()
                        .map(s -> String.valueOf(((Map<?, ?>) s).get("run")))
                        .toList());
    }

    private static int index(List<Object> steps, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (name.equals(((Map<?, ?>) steps.get(i)).get("name"))) {
                return i;
            }
        }
        throw new AssertionError("no step named " + name);
    }

    private static Map<String, Object> step(Map<String, Object> job, String usesPrefix) {
        return Repo.list(job, "steps").stream()
                .filter(s -> String.valueOf(((Map<?, ?>) s).get("uses")).startsWith(usesPrefix))
                .map(Repo::asMap)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + usesPrefix));
    }
}
