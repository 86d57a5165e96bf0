package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/release/image-tags.sh: which image each app's deploy uses, and which must be built first. */
class ImageTagsTest {

    @Test
    void eachAppUsesTheImageOfTheLastCommitThatChangedItsInputs(@TempDir Path dir) {
        GitRepo git = new GitRepo(dir);
        git.commit(
                "pom.xml",
                "apps/provider-backend/a",
                "apps/client-backend/a",
                "apps/provider-frontend/a",
                "apps/client-frontend/a");
        git.commit("docs/notes.md");
        String shared = git.commit("libs/web-support/a");
        git.commit("apps/client-frontend/b");
        String nginx = git.commit("apps/frontend-nginx/default.conf");

        var tags = git.imageTags(List.of(), null);

        assertThat(tags)
                .containsEntry("provider-backend", shared + " missing")
                .containsEntry("client-backend", shared + " missing")
                .containsEntry("provider-frontend", nginx + " missing")
                .containsEntry("client-frontend", nginx + " missing");
    }

    @Test
    void anImageThatExistsIsReusedAndOnlyTheMissingOnesAreBuilt(@TempDir Path dir) throws Exception {
        GitRepo git = new GitRepo(dir);
        String first = git.commit(
                "pom.xml",
                "apps/provider-backend/a",
                "apps/client-backend/a",
                "apps/provider-frontend/a",
                "apps/client-frontend/a",
                "package.json");
        String backend = git.commit("apps/provider-backend/b");
        git.commit("deploy/charts/oc-platform/values.yaml");
        Path output = dir.resolve("github-output");

        var tags = git.imageTags(
                List.of(
                        "ghcr.io/owner/oc-client-backend:" + first,
                        "ghcr.io/owner/oc-provider-frontend:" + first,
                        "ghcr.io/owner/oc-client-frontend:" + first,
                        "ghcr.io/owner/oc-provider-backend:" + first),
                output);

        assertThat(tags)
                .containsEntry("provider-backend", backend + " missing")
                .containsEntry("client-backend", first + " present");
        assertThat(Files.readAllLines(output))
                .containsExactly(
                        "tags={\"client-backend\":\"" + first + "\",\"client-frontend\":\"" + first
                                + "\",\"provider-backend\":\"" + backend + "\",\"provider-frontend\":\"" + first
                                + "\"}",
                        "build=[\"provider-backend\"]");
    }

    @Test
    void nothingIsBuiltWhenEveryImageExists(@TempDir Path dir) throws Exception {
        GitRepo git = new GitRepo(dir);
        String first = git.commit(
                "pom.xml",
                "apps/provider-backend/a",
                "apps/client-backend/a",
                "apps/provider-frontend/a",
                "apps/client-frontend/a");
        Path output = dir.resolve("github-output");

        git.imageTags(
                List.of("provider-backend", "client-backend", "provider-frontend", "client-frontend").stream()
                        .map(app -> "ghcr.io/owner/oc-" + app + ":" + first)
                        .toList(),
                output);

        assertThat(Files.readAllLines(output)).contains("build=[]");
    }
}
