package ch.ontrack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void aSelectorWithMatchersAndARangeIsOneName() {
        assertThat(
                        PromQlMetricNames.of(
                                "sum(rate(http_server_requests_seconds_count{namespace=\"oc-client\", uri=~\"/api/shares/\\\\{token\\\\}\"}[5m]))"))
                .containsExactly("http_server_requests_seconds_count");
    }

    @Test
    void functionsAggregationsKeywordsNumbersAndLabelListsAreNotNames() {
        assertThat(PromQlMetricNames.of("""
        histogram_quantile(0.99, sum by (le, uri) (rate(oc_delivery_duration_seconds_bucket[$__rate_interval])))
        > 14.4 * (1 - 0.999) and on (namespace) group_left (pod) kube_pod_info offset 1h
        or vector(0) unless absent(up) > bool 1e3 - time()
        """))
                .containsExactly("oc_delivery_duration_seconds_bucket", "kube_pod_info", "up");
    }

    @Test
    void anAggregationWithItsClauseFirstAndSubqueriesAndVariables() {
        assertThat(
                        PromQlMetricNames.of(
                                "max without (instance) (max_over_time(oc_outbox_oldest_age_seconds{namespace=\"$namespace\"}[1h:5m])) / ${factor}"))
                .containsExactly("oc_outbox_oldest_age_seconds");
    }

    @Test
    void namesInsideStringsCountOnlyAsNameMatchers() {
        assertThat(PromQlMetricNames.of("{__name__=\"oc_shares_sent_total\", job=\"rate(not_a_metric[5m])\"}"))
                .containsExactly("oc_shares_sent_total");
        assertThat(PromQlMetricNames.of("label_replace(oc_lockouts_total, \"x\", \"$1\", \"y\", \"(oc_fake)\")"))
                .containsExactly("oc_lockouts_total");
    }

    @Test
    void colonsBelongToRecordingRuleNames() {
        assertThat(PromQlMetricNames.of("job:oc_deliveries:rate5m > 0")).containsExactly("job:oc_deliveries:rate5m");
    }
}
