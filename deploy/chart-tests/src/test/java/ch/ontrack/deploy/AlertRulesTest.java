package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PrometheusRule each site renders (production values), checked and unit-tested by the real promtool: the
 * groups are written to target/alert-rules/<site>-rules.yaml, next to a copy of deploy/monitoring/tests/<site>.yaml,
 * then "promtool check rules" and "promtool test rules" run there. Every alert has a test case in which it fires
 * and one in which it must not, and a runbook section in docs/operations.md.
 */
class AlertRulesTest {

    static final Path TESTS = Charts.DEPLOY.resolve("monitoring/tests");
    static final Path OPERATIONS = Charts.DEPLOY.getParent().resolve("docs/operations.md");
    private static final Path WORK = Path.of("target/alert-rules").toAbsolutePath();

    @ParameterizedTest
    @ValueSource(strings = {"provider", "client"})
    void rulesPassPromtoolCheckAndTheirUnitTests(String site) throws Exception {
        Path rules = writeRules(site);
        Path tests = WORK.resolve(site + ".yaml");
        Files.copy(TESTS.resolve(site + ".yaml"), tests, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        promtool("check", "rules", rules.getFileName().toString());
        promtool("test", "rules", tests.getFileName().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"provider", "client"})
    void everyAlertHasAFiringAndAQuietTestCase(String site) throws IOException {
        JsonNode tests = Charts.YAML.readTree(TESTS.resolve(site + ".yaml").toFile());
        Set<String> firing = new LinkedHashSet<>();
        Set<String> quiet = new LinkedHashSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode alertTest : test.path("alert_rule_test")) {
                String name = alertTest.path("alertname").asString();
                (alertTest.path("exp_alerts").isEmpty() ? quiet : firing).add(name);
            }
        }
        List<String> alerts = alertNames(site);

        assertThat(alerts).isNotEmpty();
        assertThat(firing).as("alerts with a test case in which they fire").containsAll(alerts);
        assertThat(quiet)
                .as("alerts with a test case in which they must not fire")
                .containsAll(alerts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"provider", "client"})
    void everyAlertHasASummaryADescriptionAndARunbookSection(String site) throws IOException {
        Set<String> anchors = anchors(Files.readString(OPERATIONS));
        for (JsonNode rule : rules(site)) {
            JsonNode annotations = rule.path("annotations");
            String alert = rule.path("alert").asString();
            assertThat(annotations.path("summary").asString())
                    .as(alert + " summary")
                    .isNotBlank();
            assertThat(annotations.path("description").asString())
                    .as(alert + " description")
                    .isNotBlank();
            String url = annotations.path("runbook_url").asString();
            assertThat(url)
                    .as(alert + " runbook_url")
                    .startsWith("https://github.com/on-track/oc-platform/blob/main/docs/operations.md#");
            assertThat(anchors)
                    .as(alert + " runbook section in docs/operations.md")
                    .contains(url.substring(url.indexOf('#') + 1));
        }
    }

    @Test
    void theSitesAlertOnTheirOwnBackendAndDatabase() {
        assertThat(alertNames("provider"))
                .contains(
                        "ProviderApiErrorBudgetFastBurn",
                        "OutboxDeadLetters",
                        "OutboxDeliveryStuck",
                        "DatabaseUnreachable")
                .doesNotContain("ClientReadErrorBudgetFastBurn");
        assertThat(alertNames("client"))
                .contains("ClientReadLatencyBudgetSlowBurn", "DatabaseUnreachable")
                .doesNotContain("OutboxDeadLetters", "ProviderApiErrorBudgetFastBurn");
    }

    @Test
    void anExternalDatabaseHasNoCloudNativePgAlert() {
        var manifests = Charts.render(
                Charts.PLATFORM,
                "oc-provider",
                "oc-provider",
                Environment.PRODUCTION.valuesFile(),
                java.util.Map.of(
                        "backend.lookupExistingSecrets",
                        "false",
                        "backend.database.mode",
                        "external",
                        "backend.database.external.secretName",
                        "pg",
                        "backend.database.external.egressCidrs[0]",
                        "10.0.0.0/8"));
        List<String> alerts = new ArrayList<>();
        manifests.stream()
                .filter(m -> m.is("PrometheusRule"))
                .forEach(m -> m.spec()
                        .path("groups")
                        .forEach(g -> g.path("rules")
                                .forEach(r -> alerts.add(r.path("alert").asString()))));
        assertThat(alerts).contains("OutboxDeadLetters").doesNotContain("DatabaseUnreachable");
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Matcher heading = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$").matcher(markdown);
        while (heading.find()) {
            anchors.add(heading.group(1)
                    .toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9 _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    static List<String> alertNames(String site) {
        List<String> names = new ArrayList<>();
        rules(site).forEach(r -> names.add(r.path("alert").asString()));
        return names;
    }

    static List<JsonNode> rules(String site) {
        List<JsonNode> rules = new ArrayList<>();
        prometheusRule(site).spec().path("groups").forEach(g -> g.path("rules").forEach(rules::add));
        return rules;
    }

    static Manifest prometheusRule(String site) {
        List<Manifest> found = Charts.environment(Environment.PRODUCTION).stream()
                .filter(m -> m.is("PrometheusRule") && m.namespace().equals(Environment.PRODUCTION.namespace(site)))
                .toList();
        assertThat(found).as("PrometheusRules of the " + site + " site").hasSize(1);
        return found.get(0);
    }

    /**
     * deploy/monitoring/rules/<site>.yaml, which `./platform up --monitoring` loads into the local Prometheus, holds
     * exactly the production chart's rule groups; {@code -Dmonitoring.rules.write=true} writes them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"provider", "client"})
    void theLocalPrometheusLoadsTheChartsRules(String site) throws IOException {
        Path local = Charts.DEPLOY.resolve("monitoring/rules/" + site + ".yaml");
        String rendered = Files.readString(writeRules(site));
        String header =
                "# Generated from the oc-platform chart's PrometheusRule (production values) by AlertRulesTest;\n"
                        + "# regenerate with: mvn -pl deploy/chart-tests verify -Dtest=AlertRulesTest -Dmonitoring.rules.write=true\n";
        if (Boolean.getBoolean("monitoring.rules.write")) {
            Files.createDirectories(local.getParent());
            Files.writeString(local, header + rendered);
        }
        assertThat(Files.exists(local) ? Files.readString(local) : "")
                .as(local + " is out of date with the chart's rules; regenerate it with -Dmonitoring.rules.write=true")
                .isEqualTo(header + rendered);
    }

    /** The rule groups of a site as a Prometheus rule file; its path. */
    static Path writeRules(String site) throws IOException {
        Files.createDirectories(WORK);
        ObjectNode file = Charts.YAML.createObjectNode();
        file.set("groups", prometheusRule(site).spec().path("groups"));
        Path rules = WORK.resolve(site + "-rules.yaml");
        Charts.YAML.writeValue(rules.toFile(), file);
        return rules;
    }

    /** Runs promtool in the work folder; fails with its output unless it exits 0. */
    static String promtool(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(WORK.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "promtool is not on the PATH: install the Debian package \"prometheus\" "
                            + "(apt-get install --no-install-recommends prometheus; .ci/run does) to check and test the alert rules",
                    e);
        }
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + " in " + WORK + ":\n" + output)
                .isZero();
        return output;
    }
}
