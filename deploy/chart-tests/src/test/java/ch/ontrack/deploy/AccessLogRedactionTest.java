package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The production gateway's access log never shows a link token: the EnvoyProxy's access log settings, each with one
 * CEL filter over {@code request.url_path}, are evaluated here for paths a client could send (the filters use only
 * {@code matches} with RE2 patterns that Java's regex reads alike, {@code !} and {@code &&}); each path must match
 * exactly one setting, and what that setting writes must not hold the token.
 */
class AccessLogRedactionTest {

    private static final String TOKEN = "etinRaaR_Jmw9RkQq2DEU1znwLpJ5taXLZgtoep6liA";
    private static final String REAL_PATH = "%REQ_WITHOUT_QUERY(X-ENVOY-ORIGINAL-PATH?:PATH)%";
    private static final Pattern MATCHES = Pattern.compile("^(!?)request\\.url_path\\.matches\\('([^']*)'\\)$");

    @Test
    void noPathAClientSendsShowsItsLinkToken() {
        List<JsonNode> settings = settings();
        assertThat(settings).hasSize(4);
        List<String> paths = List.of(
                "/s/" + TOKEN,
                "/S/" + TOKEN,
                "//s//" + TOKEN,
                "/api/shares/" + TOKEN,
                "/api/shares/" + TOKEN + "/unlock",
                "/API/Shares/" + TOKEN + "/files/42",
                "//api//shares/" + TOKEN + "/document",
                "/%73/" + TOKEN,
                "/api/%73hares/" + TOKEN,
                "/api/shares%2F" + TOKEN);
        for (String path : paths) {
            JsonNode setting = onlyMatching(settings, path);
            String logged = setting.path("format").path("json").path("path").asString();
            assertThat(logged).as(path).isNotEqualTo(REAL_PATH).doesNotContain(TOKEN);
        }
    }

    @Test
    void otherPathsAreLoggedAsTheyAreWithoutTheirQuery() {
        List<JsonNode> settings = settings();
        for (String path :
                List.of("/api/auth/login", "/api/documents/1/shares", "/assets/index-1.js", "/", "/settings")) {
            assertThat(onlyMatching(settings, path)
                            .path("format")
                            .path("json")
                            .path("path")
                            .asString())
                    .as(path)
                    .isEqualTo(REAL_PATH);
        }
        assertThat(onlyMatching(settings, "/api/shares/" + TOKEN)
                        .path("format")
                        .path("json")
                        .path("path")
                        .asString())
                .isEqualTo("/api/shares/[redacted]");
        assertThat(onlyMatching(settings, "/s/" + TOKEN)
                        .path("format")
                        .path("json")
                        .path("path")
                        .asString())
                .isEqualTo("/s/[redacted]");
    }

    @Test
    void everySettingHasTheSameFieldsAndSink() {
        List<JsonNode> settings = settings();
        for (JsonNode setting : settings) {
            assertThat(setting.path("format").path("json").propertyNames())
                    .as(setting.toString())
                    .containsExactlyElementsOf(
                            settings.get(0).path("format").path("json").propertyNames());
            assertThat(setting.path("sinks").get(0).path("file").path("path").asString())
                    .isEqualTo("/dev/stdout");
        }
    }

    private static List<JsonNode> settings() {
        Manifest proxy = Charts.environment(Environment.PRODUCTION).stream()
                .filter(m -> m.is("EnvoyProxy"))
                .findFirst()
                .orElseThrow();
        List<JsonNode> settings = new ArrayList<>();
        proxy.spec().path("telemetry").path("accessLog").path("settings").forEach(settings::add);
        return settings;
    }

    private static JsonNode onlyMatching(List<JsonNode> settings, String path) {
        List<JsonNode> matching = settings.stream()
                .filter(s -> {
                    assertThat(s.path("matches")).as("one filter per setting").hasSize(1);
                    return evaluate(s.path("matches").get(0).asString(), path);
                })
                .toList();
        assertThat(matching).as("settings logging " + path).hasSize(1);
        return matching.get(0);
    }

    /** {@code a && b && …}, each {@code [!]request.url_path.matches('re')}: all this chart uses. */
    static boolean evaluate(String expression, String urlPath) {
        for (String term : expression.split("&&")) {
            Matcher m = MATCHES.matcher(term.trim());
            assertThat(m.matches())
                    .as("a CEL term this test understands: " + term)
                    .isTrue();
            boolean found = Pattern.compile(m.group(2)).matcher(urlPath).find();
            boolean negated = !m.group(1).isEmpty();
            if (found == negated) {
                return false;
            }
        }
        return true;
    }
}
