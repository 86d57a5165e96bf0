package ch.ontrack.provider.sharing;

import ch.ontrack.web.ProblemHandler;
import ch.ontrack.web.files.FileNames;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** The client backend's internal API (docs/architecture.md), authenticated with INTERNAL_API_SECRET. */
@Component
class ClientBackend {

    private static final String SHARE = "/internal/shares/{share}";

    record Snapshot(
            String tokenHash,
            String providerName,
            String title,
            String message,
            String recipientEmail,
            Instant expiresAt,
            List<UUID> fileIds,
            String language) {}

    record AccessCode(String accessCode) {}

    /** The client backend could not be reached or did not accept the call. */
    static class Unavailable extends RuntimeException {
        final int status;
        /** What the provider may read: the answer and its problem detail, without internal addresses. */
        final String reason;
        /** The problem type the answer names ({@code https://on-track.ch/problems/…}), or empty. */
        final String problemType;

        Unavailable(String message, int status, Throwable cause) {
            this(message, status, "The client service did not answer.", "", cause);
        }

        Unavailable(String message, int status, String reason, String problemType, Throwable cause) {
            super(message, cause, false, false);
            this.status = status;
            this.reason = reason;
            this.problemType = problemType;
        }

        /**
         * The client backend refused the share itself, so sending it again cannot succeed (docs/adr/0210): a 4xx
         * with one of its own problem types. Not permanent: no answer or 5xx, 408 and 429 (try later), 401 and 403
         * (the deployment's shared secret is wrong: fixing it must deliver every waiting share without anyone's
         * action), 404 and 405 (the call did not reach the share: a route or a port that is not there yet, as while
         * a client backend shuts down or a gateway is reconfigured), and any answer that is not the client backend's
         * problem+json (a proxy's error page).
         */
        boolean permanent() {
            return status >= 400
                    && status < 500
                    && !List.of(401, 403, 404, 405, 408, 429).contains(status)
                    && problemType.startsWith(ProblemHandler.TYPE_BASE);
        }
    }

    /** One answer of the client backend, read whole (they are small JSON documents or empty). */
    private record Answer(int status, String body) {}

    private final RestClient files;
    private final RestClient shares;
    private final RestClient calls;
    private final RestClient reads;
    private final SharingSettings settings;
    private final JsonMapper json;

    /**
     * Built from Spring Boot's RestClient.Builder, so every call is observed: a span (and http.client.requests) whose
     * W3C traceparent the client backend continues (docs/adr/0290). The JDK client underneath streams file bodies.
     */
    ClientBackend(SharingSettings settings, JsonMapper json, RestClient.Builder builder) {
        this.settings = settings;
        this.json = json;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        this.files = client(builder, http, Duration.ofMinutes(5));
        this.shares = client(builder, http, Duration.ofSeconds(30));
        this.calls = client(builder, http, Duration.ofSeconds(10));
        this.reads = client(builder, http, Duration.ofSeconds(5));
    }

    /** A client whose calls time out after {@code timeout} without an answer. */
    private RestClient client(RestClient.Builder builder, HttpClient http, Duration timeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(timeout);
        return builder.clone()
                .requestFactory(factory)
                .baseUrl(settings.clientInternalUrl().toString().replaceAll("/+$", ""))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.internalApiSecret())
                .defaultHeader(HttpHeaders.ACCEPT, "application/json")
                .build();
    }

    void putFile(UUID shareId, UUID fileId, String name, String contentType, long size, Supplier<InputStream> content) {
        String file = SHARE + "/files/{file}";
        send(
                files.put()
                        .uri(file, shareId, fileId)
                        .header(HttpHeaders.CONTENT_TYPE, contentType)
                        .header(FileNames.HEADER, FileNames.toHeader(name))
                        .contentLength(size)
                        .body(out -> {
                            try (InputStream in = content.get()) {
                                in.transferTo(out);
                            }
                        }),
                call("PUT", file, shareId, fileId),
                200,
                201);
    }

    String putShare(UUID shareId, Snapshot snapshot) {
        Answer answer = send(
                shares.put()
                        .uri(SHARE, shareId)
                        .header(HttpHeaders.CONTENT_TYPE, "application/json")
                        .body(json.writeValueAsBytes(snapshot)),
                call("PUT", SHARE, shareId),
                200,
                201);
        return json.readValue(answer.body(), AccessCode.class).accessCode();
    }

    /** False when the client backend does not know the share (nothing to revoke). */
    boolean revoke(UUID shareId) {
        String revoke = SHARE + "/revoke";
        return send(calls.post().uri(revoke, shareId), call("POST", revoke, shareId), 204, 200, 404)
                        .status()
                != 404;
    }

    String newAccessCode(UUID shareId) {
        String accessCode = SHARE + "/access-code";
        Answer answer = send(calls.post().uri(accessCode, shareId), call("POST", accessCode, shareId), 200, 201);
        return json.readValue(answer.body(), AccessCode.class).accessCode();
    }

    void changeExpiry(UUID shareId, Instant expiresAt) {
        String expiry = SHARE + "/expiry";
        send(
                calls.put()
                        .uri(expiry, shareId)
                        .header(HttpHeaders.CONTENT_TYPE, "application/json")
                        .body(json.writeValueAsBytes(Map.of("expiresAt", expiresAt))),
                call("PUT", expiry, shareId),
                204,
                200);
    }

    /** The events as JSON text, stored as the last known state. */
    String events(UUID shareId) {
        String events = SHARE + "/events";
        return send(reads.get().uri(events, shareId), call("GET", events, shareId), 200)
                .body();
    }

    void delete(UUID shareId) {
        send(shares.delete().uri(SHARE, shareId), call("DELETE", SHARE, shareId), 204, 200, 404);
    }

    /** "PUT /internal/shares/…": what a failure message names (the URI template keeps the spans' names short). */
    private static String call(String method, String template, Object... variables) {
        return method + " "
                + UriComponentsBuilder.fromUriString(template)
                        .buildAndExpand(variables)
                        .toUriString();
    }

    /** Whatever the status, the answer is read here: only {@code accepted} ones are a success. */
    private Answer send(RestClient.RequestHeadersSpec<?> request, String call, int... accepted) {
        Answer response;
        try {
            response = request.exchange((req, res) -> new Answer(
                    res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Unavailable(call + " failed: " + cause, 0, cause);
        }
        for (int status : accepted) {
            if (response.status() == status) {
                return response;
            }
        }
        JsonNode problem = problem(response.body());
        String detail = reason(problem);
        throw new Unavailable(
                call + " answered " + response.status() + detail,
                response.status(),
                "The client service answered " + response.status() + detail,
                problem.path("type").asString(""),
                null);
    }

    /** The answer as problem+json, or a missing node when it is not JSON (a proxy's error page). */
    private JsonNode problem(String body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    /** The problem's detail and field errors, for the provider to read; empty when there are none. */
    private static String reason(JsonNode problem) {
        StringBuilder reason = new StringBuilder();
        if (problem.path("detail").isString()) {
            reason.append(": ").append(problem.path("detail").asString());
        }
        for (JsonNode error : problem.path("errors")) {
            reason.append(" ")
                    .append(error.path("field").asString())
                    .append(" ")
                    .append(error.path("message").asString())
                    .append(".");
        }
        return reason.toString();
    }
}
