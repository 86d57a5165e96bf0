package ch.ontrack.launcher.demo;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the provider API as the browser uses it: cookies (the session and {@code
 * XSRF-TOKEN}) and the {@code X-XSRF-TOKEN} header on every state-changing request.
 */
public final class ProviderApi {

  /** A response other than 2xx. */
  public static final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String method, String path, String body) {
      super(method + " " + path + " answered " + status + ": " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private static final JsonMapper JSON = new JsonMapper();
  private final HttpClient http;
  private final URI base;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public ProviderApi(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  public JsonNode signup(String email, String password, String organisation) {
    return post("/api/auth/signup", Map.of("email", email, "password", password, "organisation", organisation));
  }

  /** Opens a verification link: its token (the link's fragment) confirms the account's address. */
  public JsonNode verifyEmail(String token) {
    return post("/api/auth/verify-email", Map.of("token", token));
  }

  public JsonNode login(String email, String password) {
    return post("/api/auth/login", Map.of("email", email, "password", password));
  }

  public JsonNode createClient(String name, String email) {
    return post("/api/clients", Map.of("name", name, "email", email));
  }

  public JsonNode createDocument(String title, String message) {
    return post("/api/documents", Map.of("title", title, "message", message));
  }

  public JsonNode uploadFile(String documentId, String fileName, String contentType, byte[] content) {
    String boundary = "----oc" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName.replace("\"", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send("POST", "/api/documents/" + documentId + "/files", "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  /** Sends a document to a client: the answer holds {@code link} and {@code accessCode}. */
  public JsonNode share(String documentId, String clientId, java.time.Instant expiresAt) {
    return post("/api/documents/" + documentId + "/shares",
        Map.of("clientId", clientId, "expiresAt", expiresAt.toString()));
  }

  public JsonNode get(String path) {
    return send("GET", path, null, HttpRequest.BodyPublishers.noBody());
  }

  public JsonNode post(String path, Object body) {
    return send("POST", path, "application/json",
        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
  }

  public JsonNode send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
    if (!method.equals("GET") && !cookies.containsKey("XSRF-TOKEN")) {
      fetchCsrfCookie();
    }
    HttpResponse<String> response = exchange(method, path, contentType, body);
    if (response.statusCode() / 100 != 2) {
      throw new ApiException(response.statusCode(), method, path, response.body());
    }
    return response.body().isBlank() ? tools.jackson.databind.node.NullNode.getInstance() : JSON.readTree(response.body());
  }

  /** The raw exchange, for tests that look at statuses and headers themselves. */
  public HttpResponse<String> exchange(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60)).method(method, body).header("Accept", "application/json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }
    String csrf = cookies.get("XSRF-TOKEN");
    if (csrf != null) {
      request.header("X-XSRF-TOKEN", csrf);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(this::remember);
      return response;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(method + " " + base.resolve(path) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Map<String, String> cookies() {
    return Map.copyOf(cookies);
  }

  private void fetchCsrfCookie() {
    exchange("GET", "/api/auth/me", null, HttpRequest.BodyPublishers.noBody());
  }

  private void remember(String setCookie) {
    String[] parts = setCookie.split(";");
    int eq = parts[0].indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = parts[0].substring(0, eq).trim();
    String value = parts[0].substring(eq + 1).trim();
    boolean expired = value.isEmpty();
    for (int i = 1; i < parts.length; i++) {
      String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
      expired |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970");
    }
    if (expired) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }
}
