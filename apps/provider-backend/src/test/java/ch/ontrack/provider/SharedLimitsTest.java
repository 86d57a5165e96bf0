package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the provider backend on one database: attempts made through both, alternately, get exactly
 * the budget one replica gives, no more (ADR 0302).
 */
class SharedLimitsTest extends ApiTest {

    private ConfigurableApplicationContext second;

    @BeforeEach
    void startSecondReplica() {
        Map<String, Object> settings = Replicas.settings();
        settings.put("LOGIN_RATE_LIMIT_PER_MINUTE", String.valueOf(LOGIN_LIMIT));
        settings.put("TRUSTED_PROXIES", "127.0.0.1,::1");
        settings.put("SMTP_HOST", "127.0.0.1");
        settings.put("SMTP_PORT", String.valueOf(TestMail.server().getSmtp().getPort()));
        second = new SpringApplicationBuilder(ProviderBackendApplication.class)
                .properties(settings)
                .run();
    }

    @AfterEach
    void stopSecondReplica() {
        second.close();
    }

    @Test
    void attemptsThroughTwoReplicasGetExactlyTheBudgetOfOne() {
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        assertThat(secondPort).isNotEqualTo(port);
        // one client address (each browser has its own), going to either replica in turn
        ApiSession first = browser();
        ApiSession other = browser(secondPort).header("X-Forwarded-For", first.header("X-Forwarded-For"));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3 * LOGIN_LIMIT; i++) {
            statuses.add(TestData.provider().login(i % 2 == 0 ? first : other).status());
        }

        assertThat(statuses.subList(0, LOGIN_LIMIT)).containsOnly(401);
        assertThat(statuses.subList(LOGIN_LIMIT, statuses.size())).containsOnly(429);
    }
}
