package ch.ontrack.e2e.backends;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.deploy.RenderedMonitoring;
import ch.ontrack.e2e.Mailbox;
import ch.ontrack.e2e.PromQlMetricNames;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LocalTopology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric an alert (the PrometheusRules the chart renders for production) or a dashboard (ConfigMaps labelled
 * grafana_dashboard) reads is exposed by a backend once the whole flow ran: send, delivery, mail, a wrong code, an
 * unlock, a download. Metrics of other exporters are left out by name (OTHER_EXPORTERS).
 */
class MetricNamesIT {

    /** Scraped by Prometheus from CloudNativePG, cert-manager, kube-state-metrics, and its own "up". */
    static final List<String> OTHER_EXPORTERS = List.of("cnpg_", "certmanager_", "kube_");

    static final Set<String> OTHER_EXPORTER_NAMES = Set.of("up");

    private static final JsonMapper JSON = new JsonMapper();
    private final LocalPlatform platform = SharedPlatform.get();
    private final HttpClient http = SharedPlatform.httpClient();

    @Test
    void everyMetricTheAlertsAndDashboardsReadIsExposed() throws Exception {
        runTheWholeFlow();
        Set<String> exposed = new TreeSet<>();
        for (String backend : LocalTopology.BACKENDS) {
            exposed.addAll(scrapedNames(backend));
        }

        List<RenderedMonitoring.Query> queries = new ArrayList<>(RenderedMonitoring.ruleExpressions());
        int rules = queries.size();
        queries.addAll(RenderedMonitoring.dashboardExpressions());
        Map<String, Set<String>> missing = new TreeMap<>();
        Set<String> read = new TreeSet<>();
        for (RenderedMonitoring.Query query : queries) {
            for (String name : PromQlMetricNames.of(query.expr())) {
                if (fromOtherExporter(name)) {
                    continue;
                }
                read.add(name);
                if (!exposed.contains(name)) {
                    missing.computeIfAbsent(name, n -> new TreeSet<>()).add(query.source());
                }
            }
        }

        assertThat(rules).as("alert rules rendered for production").isPositive();
        assertThat(read)
                .as("metrics the alerts read")
                .contains(
                        "http_server_requests_seconds_count",
                        "http_server_requests_seconds_bucket",
                        "oc_outbox_oldest_age_seconds",
                        "oc_outbox_dead_letters");
        assertThat(missing)
                .as("metrics read by alerts or dashboards (where) that no backend exposes")
                .isEmpty();
    }

    private static boolean fromOtherExporter(String name) {
        return OTHER_EXPORTER_NAMES.contains(name) || OTHER_EXPORTERS.stream().anyMatch(name::startsWith);
    }

    private void runTheWholeFlow() throws Exception {
        Sharing sharing = Sharing.prepare(SharedPlatform.providerApi(platform), platform);
        Sharing.Sent sent = sharing.send();
        assertThat(sent.status()).isEqualTo("DELIVERED");
        assertThat(Mailbox.awaitMessageTo(platform, http, sharing.clientEmail(), Duration.ofSeconds(30)))
                .isPresent();

        ClientApi client = SharedPlatform.clientApi(platform);
        assertThat(client.unlock(sent.token(), "AAAAA-AAAAA").status()).isEqualTo(403);
        assertThat(client.unlock(sent.token(), sent.code()).status()).isEqualTo(200);
        String fileId = JSON.readTree(client.document(sent.token()).text())
                .get("files")
                .get(0)
                .get("id")
                .asString();
        assertThat(client.file(sent.token(), fileId).status()).isEqualTo(200);
    }

    /** Metric names in a backend's /actuator/prometheus on its management port. */
    private Set<String> scrapedNames(String backend) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + platform.port(backend, "management") + "/actuator/prometheus");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url.toString()).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
