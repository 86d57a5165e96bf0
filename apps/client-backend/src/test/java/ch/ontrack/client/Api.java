package ch.ontrack.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running service: public, internal and management ports. */
final class Api {

  static final String SECRET = "test-internal-secret";
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger ADDRESSES = new AtomicInteger();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final int publicPort;
  private final int internalPort;
  private final int managementPort;
  /** Each Api plays one client machine, so rate limits of different tests do not meet. */
  final String clientAddress;

  Api(int publicPort, int internalPort, int managementPort) {
    this(publicPort, internalPort, managementPort, nextAddress());
  }

  /** The same client machine as another Api, for example talking to a second replica. */
  Api(int publicPort, int internalPort, int managementPort, String clientAddress) {
    this.publicPort = publicPort;
    this.internalPort = internalPort;
    this.managementPort = managementPort;
    this.clientAddress = clientAddress;
  }

  private static String nextAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "198.51." + (n / 256) + "." + (n % 256);
  }

  record Response(int status, HttpHeaders headers, byte[] body) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String type() {
      return json().path("type").asString().replace("https://on-track.ch/problems/", "");
    }

    String contentType() {
      return header("Content-Type");
    }
  }

  Response publicCall(String method, String path, String json, String... headers) {
    return send(publicPort, method, path, json == null ? null : json.getBytes(), withJson(json, headers));
  }

  Response internalCall(String method, String path, String json, String... headers) {
    List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + SECRET));
    all.addAll(List.of(withJson(json, headers)));
    return send(internalPort, method, path, json == null ? null : json.getBytes(), all.toArray(String[]::new));
  }

  Response rawInternal(String method, String path, byte[] body, String... headers) {
    return send(internalPort, method, path, body, headers);
  }

  Response rawPublic(String method, String path, byte[] body, String... headers) {
    return send(publicPort, method, path, body, headers);
  }

  Response management(String path) {
    return send(managementPort, "GET", path, null);
  }

  Response putFile(String shareId, String fileId, String name, String type, byte[] bytes) {
    return send(internalPort, "PUT", "/internal/shares/" + shareId + "/files/" + fileId, bytes,
        "Authorization", "Bearer " + SECRET, "Content-Type", type,
        "X-File-Name", java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** An unlock from this client's address. */
  Response unlock(String token, String code) {
    return publicCall("POST", "/api/shares/" + token + "/unlock", "{\"code\":\"" + code + "\"}",
        "X-Forwarded-For", clientAddress);
  }

  private static String[] withJson(String json, String... headers) {
    if (json == null) {
      return headers;
    }
    List<String> all = new ArrayList<>(List.of(headers));
    all.addAll(List.of("Content-Type", "application/json"));
    return all.toArray(String[]::new);
  }

  private static Response send(int port, String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      var response = HTTP.send(request.build(), BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
