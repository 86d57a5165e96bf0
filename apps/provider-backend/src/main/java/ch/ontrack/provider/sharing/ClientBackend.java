package ch.ontrack.provider.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client backend's internal API (docs/architecture.md), authenticated with INTERNAL_API_SECRET. */
@Component
class ClientBackend {

  record Snapshot(String tokenHash, String providerName, String title, String message, String recipientEmail,
      Instant expiresAt, List<UUID> fileIds) {}

  record AccessCode(String accessCode) {}

  /** The client backend could not be reached or did not accept the call. */
  static class Unavailable extends RuntimeException {
    final int status;

    Unavailable(String message, int status, Throwable cause) {
      super(message, cause, false, false);
      this.status = status;
    }

    /**
     * The client backend refused the call itself, so sending it again cannot succeed (docs/adr/0210). Not
     * permanent: no answer or 5xx, 408 and 429 (try later), 401 and 403 (the deployment's shared secret is
     * wrong: fixing it must deliver every waiting share without anyone's action).
     */
    boolean permanent() {
      return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3))
      .build();
  private final SharingSettings settings;
  private final JsonMapper json;

  ClientBackend(SharingSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
  }

  void putFile(UUID shareId, UUID fileId, String name, String contentType, long size,
      Supplier<InputStream> content) {
    HttpRequest request = request("/internal/shares/" + shareId + "/files/" + fileId, Duration.ofMinutes(5))
        .header("Content-Type", contentType)
        .header("X-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
        .PUT(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(content), size))
        .build();
    send(request, 200, 201);
  }

  String putShare(UUID shareId, Snapshot snapshot) {
    HttpRequest request = request("/internal/shares/" + shareId, Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .PUT(BodyPublishers.ofString(json.writeValueAsString(snapshot)))
        .build();
    return json.readValue(send(request, 200, 201).body(), AccessCode.class).accessCode();
  }

  /** False when the client backend does not know the share (nothing to revoke). */
  boolean revoke(UUID shareId) {
    return send(post("/internal/shares/" + shareId + "/revoke"), 204, 200, 404).statusCode() != 404;
  }

  String newAccessCode(UUID shareId) {
    return json.readValue(send(post("/internal/shares/" + shareId + "/access-code"), 200, 201).body(),
        AccessCode.class).accessCode();
  }

  void changeExpiry(UUID shareId, Instant expiresAt) {
    HttpRequest request = request("/internal/shares/" + shareId + "/expiry", Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .PUT(BodyPublishers.ofString(json.writeValueAsString(Map.of("expiresAt", expiresAt))))
        .build();
    send(request, 204, 200);
  }

  /** The events as JSON text, stored as the last known state. */
  String events(UUID shareId) {
    return send(request("/internal/shares/" + shareId + "/events", Duration.ofSeconds(5)).GET().build(), 200).body();
  }

  void delete(UUID shareId) {
    send(request("/internal/shares/" + shareId, Duration.ofSeconds(30)).DELETE().build(), 204, 200, 404);
  }

  private HttpRequest post(String path) {
    return request(path, Duration.ofSeconds(10)).POST(BodyPublishers.noBody()).build();
  }

  private HttpRequest.Builder request(String path, Duration timeout) {
    String base = settings.clientInternalUrl().toString().replaceAll("/+$", "");
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + settings.internalApiSecret())
        .header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest request, int... accepted) {
    HttpResponse<String> response;
    try {
      response = http.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unavailable(request.method() + " " + request.uri().getPath() + " failed: " + e, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("Interrupted", 0, e);
    }
    for (int status : accepted) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    throw new Unavailable(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
        + reason(response.body()), response.statusCode(), null);
  }

  /** The problem+json detail and field errors of a refusal, for the provider to read; empty otherwise. */
  private String reason(String body) {
    try {
      JsonNode problem = json.readTree(body);
      StringBuilder reason = new StringBuilder();
      if (problem.path("detail").isString()) {
        reason.append(": ").append(problem.path("detail").asString());
      }
      for (JsonNode error : problem.path("errors")) {
        reason.append(" ").append(error.path("field").asString()).append(" ")
            .append(error.path("message").asString()).append(".");
      }
      return reason.toString();
    } catch (RuntimeException e) {
      return "";
    }
  }
}
