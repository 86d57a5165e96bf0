package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every value is documented where it is declared: a "# --" comment on it or on a map that holds it. */
class ValuesDocumentationTest {

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.-]+):(.*)$");

    @ParameterizedTest
    @ValueSource(strings = {"oc-platform", "oc-gateway"})
    void everyValueIsDocumented(String chart) throws IOException {
        List<String> undocumented = new ArrayList<>();
        Deque<int[]> documentedParents = new ArrayDeque<>(); // {indent, documented 0|1}
        boolean commentPending = false;
        for (String line : Files.readAllLines(
                Charts.DEPLOY.resolve("charts").resolve(chart).resolve("values.yaml"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# --")) {
                commentPending = true;
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("- ")) {
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (!key.matches()) {
                continue;
            }
            int indent = key.group(1).length();
            while (!documentedParents.isEmpty() && documentedParents.peek()[0] >= indent) {
                documentedParents.pop();
            }
            boolean documented = commentPending || documentedParents.stream().anyMatch(p -> p[1] == 1);
            commentPending = false;
            boolean leaf = !key.group(3).isBlank();
            if (leaf && !documented) {
                undocumented.add(key.group(2) + " (indent " + indent + ")");
            }
            documentedParents.push(new int[] {indent, documented ? 1 : 0});
        }

        assertThat(undocumented).as(Path.of(chart, "values.yaml").toString()).isEmpty();
    }
}
