package ch.ontrack.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9457 problem details as the exception reads them, without a server. */
class ProblemDetailsTest {

    @Test
    void readsTypeTitleDetailAndExtensionMembers() {
        ApiProblemException e = new ApiProblemException(response(
                403,
                "application/problem+json",
                "{\"type\":\"https://on-track.ch/problems/wrong-code\",\"title\":\"Wrong code\",\"status\":403,"
                        + "\"detail\":\"4 attempts left.\",\"attemptsLeft\":4}"));

        assertThat(e.hasProblemDetails()).isTrue();
        assertThat(e.typeName()).isEqualTo("wrong-code");
        assertThat(e.title()).isEqualTo("Wrong code");
        assertThat(e.detail()).isEqualTo("4 attempts left.");
        assertThat(e.member("attemptsLeft").asInt()).isEqualTo(4);
    }

    @Test
    void aProblemWithoutTypeIsAboutBlank() {
        ApiProblemException e =
                new ApiProblemException(response(500, "application/problem+json; charset=utf-8", "{\"status\":500}"));

        assertThat(e.type()).isEqualTo("about:blank");
        assertThat(e.title()).isNull();
    }

    @Test
    void anotherBodyHasNoProblemDetailsButStaysInTheMessage() {
        ApiProblemException e = new ApiProblemException(response(502, "text/html", "<h1>Bad gateway</h1>"));

        assertThat(e.hasProblemDetails()).isFalse();
        assertThat(e.type()).isNull();
        assertThat(e).hasMessage("GET /x answered 502 (text/html): <h1>Bad gateway</h1>");
    }

    @Test
    void brokenProblemJsonIsNoProblemDetails() {
        assertThat(new ApiProblemException(response(400, "application/problem+json", "{")).hasProblemDetails())
                .isFalse();
    }

    private static ApiResponse response(int status, String contentType, String body) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true);
        return new ApiResponse("GET /x", status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
