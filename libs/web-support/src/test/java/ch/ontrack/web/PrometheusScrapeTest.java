package ch.ontrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

    static final String TEXT = """
      # HELP oc_deliveries_total Delivery attempts by outcome
      # TYPE oc_deliveries_total counter
      oc_deliveries_total{application="provider-backend",outcome="delivered",reason="none"} 3.0
      oc_deliveries_total{application="provider-backend",outcome="retried",reason="unreachable"} 2.0
      oc_shares_sent_total{application="provider-backend"} 5.0
      odd{path="a \\"quoted\\", comma} value",le="+Inf"} +Inf 1700000000000
      up 1
      """;

    @Test
    void sumsTheSeriesWithTheGivenLabels() {
        PrometheusScrape scrape = PrometheusScrape.parse(TEXT);
        assertThat(scrape.sum("oc_deliveries_total")).isEqualTo(5.0);
        assertThat(scrape.sum("oc_deliveries_total", "outcome", "delivered")).isEqualTo(3.0);
        assertThat(scrape.sum("oc_deliveries_total", "outcome", "failed")).isZero();
        assertThat(scrape.has("oc_deliveries_total", "outcome", "failed")).isFalse();
        assertThat(scrape.sum("up")).isEqualTo(1.0);
    }

    @Test
    void readsEscapedLabelValuesAndTimestamps() {
        PrometheusScrape scrape = PrometheusScrape.parse(TEXT);
        assertThat(scrape.has("odd", "path", "a \"quoted\", comma} value", "le", "+Inf"))
                .isTrue();
        assertThat(scrape.sum("odd")).isInfinite();
        assertThat(scrape.names()).containsExactly("oc_deliveries_total", "oc_shares_sent_total", "odd", "up");
    }
}
