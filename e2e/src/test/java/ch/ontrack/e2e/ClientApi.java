package ch.ontrack.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The client's side, as the client frontend calls it: its own cookies (the share session). */
public final class ClientApi {

  private static final JsonMapper JSON = new JsonMapper();
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final URI base;

  public ClientApi(javax.net.ssl.SSLContext tls, URI base) {
    this.http = HttpClient.newBuilder().sslContext(tls).cookieHandler(cookies)
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    this.base = base;
  }

  public HttpResponse<String> shareState(String token) {
    return send(HttpRequest.newBuilder(base.resolve("/api/shares/" + token)).GET());
  }

  public HttpResponse<String> unlock(String token, String code) {
    return send(HttpRequest.newBuilder(base.resolve("/api/shares/" + token + "/unlock"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("code", code)))));
  }

  public HttpResponse<String> document(String token) {
    return send(HttpRequest.newBuilder(base.resolve("/api/shares/" + token + "/document")).GET());
  }

  public HttpResponse<byte[]> file(String token, String fileId) {
    return file(token, fileId, null);
  }

  /** A file or, with {@code range} (e.g. {@code bytes=0-99}), a part of it. */
  public HttpResponse<byte[]> file(String token, String fileId, String range) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/shares/" + token + "/files/" + fileId));
    if (range != null) {
      request.header("Range", range);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The cookies the client backend set, by name (the share session {@code __Host-oc-share}). */
  public Map<String, String> cookies() {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    cookies.getCookieStore().getCookies().forEach(c -> values.put(c.getName(), c.getValue()));
    return values;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
