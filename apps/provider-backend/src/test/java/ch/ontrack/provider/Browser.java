package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client that keeps cookies like a browser and sends the CSRF header like the SPA. */
final class Browser {

  record Response(int status, HttpHeaders headers, byte[] body) {

    Response expect(int expected) {
      assertThat(status).as("status of a response with body %s", text()).isEqualTo(expected);
      return this;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    <T> T path(String jsonPath) {
      return JsonPath.read(text(), jsonPath);
    }

    UUID id() {
      return UUID.fromString(path("$.id"));
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The problem+json type slug, e.g. "not-found". */
    String problemType() {
      assertThat(header("Content-Type")).startsWith("application/problem+json");
      return this.<String>path("$.type").replace("https://on-track.ch/problems/", "");
    }

    List<String> setCookies() {
      return headers.allValues("Set-Cookie");
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final int port;
  // each browser looks like its own client IP to the per-IP login throttle
  private String ip = "10.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(1, 255),
      ThreadLocalRandom.current().nextInt(1, 255), ThreadLocalRandom.current().nextInt(1, 255));
  private boolean sendCsrfHeader = true;
  private String acceptLanguage;

  Browser(int port) {
    this.port = port;
  }

  /** The client address this browser's requests come from (X-Forwarded-For). */
  String address() {
    return ip;
  }

  /** Comes from the same client address as {@code other} (for example to another replica). */
  Browser sameAddressAs(Browser other) {
    ip = other.ip;
    return this;
  }

  Browser withoutCsrfHeader() {
    sendCsrfHeader = false;
    return this;
  }

  /** Sends this Accept-Language header from now on, as a browser set to that language would. */
  Browser speaking(String header) {
    acceptLanguage = header;
    return this;
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  /** A GET with extra request headers (name, value, ...). */
  Response get(String path, String... headers) {
    HttpRequest.Builder builder = request(path).GET();
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  Response post(String path, Object json) {
    return send(request(path).POST(json(json)).header("Content-Type", "application/json"));
  }

  Response postRaw(String path, String body) {
    return send(request(path).POST(BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
  }

  /** A body sent as it is, for multipart the way no browser would send it. */
  Response postRaw(String path, String contentType, byte[] body) {
    return sendRaw("POST", path, contentType, body);
  }

  Response sendRaw(String method, String path, String contentType, byte[] body) {
    return send(request(path).method(method, BodyPublishers.ofByteArray(body)).header("Content-Type", contentType));
  }

  Response put(String path, Object json) {
    return send(request(path).PUT(json(json)).header("Content-Type", "application/json"));
  }

  Response patch(String path, Object json) {
    return send(request(path).method("PATCH", json(json)).header("Content-Type", "application/json"));
  }

  Response delete(String path) {
    return send(request(path).DELETE());
  }

  Response delete(String path, Object json) {
    return send(request(path).method("DELETE", json(json)).header("Content-Type", "application/json"));
  }

  Response upload(String path, String fileName, String declaredType, byte[] content) {
    String boundary = "----oc" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path).POST(BodyPublishers.ofByteArray(body.toByteArray()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static HttpRequest.BodyPublisher json(Object value) {
    return BodyPublishers.ofString(value instanceof String s ? s : JSON.writeValueAsString(value));
  }

  private Response send(HttpRequest.Builder builder) {
    builder.header("X-Forwarded-For", ip);
    if (acceptLanguage != null) {
      builder.header("Accept-Language", acceptLanguage);
    }
    if (!cookies.isEmpty()) {
      builder.header("Cookie", String.join("; ", cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    if (sendCsrfHeader && cookies.containsKey("XSRF-TOKEN")) {
      builder.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    try {
      var response = http.send(builder.build(), BodyHandlers.ofByteArray());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
