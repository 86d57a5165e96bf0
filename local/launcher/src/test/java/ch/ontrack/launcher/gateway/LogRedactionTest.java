package ch.ontrack.launcher.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRedactionTest {

    private static final String TOKEN = "etinRaaR_Jmw9RkQq2DEU1znwLpJ5taXLZgtoep6liA";

    @Test
    void linkTokensAreReplacedWhateverTheSpelling() {
        assertThat(LogRedaction.path("/api/shares/" + TOKEN)).isEqualTo("/api/shares/[redacted]");
        assertThat(LogRedaction.path("/api/shares/" + TOKEN + "/unlock")).isEqualTo("/api/shares/[redacted]/unlock");
        assertThat(LogRedaction.path("/api/shares/" + TOKEN + "/files/7?download=1"))
                .isEqualTo("/api/shares/[redacted]/files/7");
        assertThat(LogRedaction.path("/s/" + TOKEN)).isEqualTo("/s/[redacted]");
        for (String odd : new String[] {
            "/S/" + TOKEN,
            "//s//" + TOKEN,
            "/API/Shares/" + TOKEN + "/document",
            "/%73/" + TOKEN,
            "/api/%73hares/" + TOKEN,
            "/api/shares%2F" + TOKEN,
            "/api/shares/" + TOKEN + ";x=1"
        }) {
            assertThat(LogRedaction.path(odd)).as(odd).doesNotContain(TOKEN).contains("[redacted]");
        }
    }

    @Test
    void otherPathsStayWithoutTheirQuery() {
        assertThat(LogRedaction.path("/api/auth/login")).isEqualTo("/api/auth/login");
        assertThat(LogRedaction.path("/assets/index-1.js?v=" + TOKEN)).isEqualTo("/assets/index-1.js");
        assertThat(LogRedaction.path("/a%2")).isEqualTo("/a%2");
        assertThat(LogRedaction.path("/caf%C3%A9")).isEqualTo("/café");
        assertThat(LogRedaction.path(null)).isEmpty();
    }
}
