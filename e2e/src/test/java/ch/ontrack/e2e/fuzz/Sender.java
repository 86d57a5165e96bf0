package ch.ontrack.e2e.fuzz;

import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.demo.ProviderApi;
import ch.ontrack.launcher.pki.LocalCaTrust;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.IOException;
import java.io.Reader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

/**
 * Sends generated requests the way each API's real callers do: the provider API with a signed-in
 * session and its CSRF token (the sign-up and sign-in endpoints anonymously, so that they cannot
 * replace that session), the client API with an unlocked share's session, the internal API with
 * the bearer secret, straight to the client backend's internal port.
 */
final class Sender {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final ProviderApi provider;
  private final ProviderApi anonymous;
  private final HttpClient client;
  private final URI clientBase;
  private final HttpClient internal;
  private final URI internalBase;
  private final String secret;

  Sender(LocalPlatform platform, ProviderApi provider, HttpClient client) {
    this.provider = provider;
    this.anonymous = new ProviderApi(http11(platform), platform.providerUrl());
    this.client = client;
    this.clientBase = platform.clientUrl();
    this.internal = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.internalBase = URI.create("http://127.0.0.1:" + platform.port(LocalTopology.CLIENT_BACKEND, "internal"));
    this.secret = internalSecret(platform);
  }

  /** An HTTP/1.1 client (chunked bodies exist only there) that trusts the platform's CA. */
  static HttpClient http11(LocalPlatform platform) {
    return HttpClient.newBuilder().sslContext(LocalCaTrust.sslContext(platform.caCertificate()))
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** An HTTP/1.1 client with a cookie jar, as a browser on the client site. */
  static HttpClient withCookies(LocalPlatform platform) {
    return HttpClient.newBuilder().sslContext(LocalCaTrust.sslContext(platform.caCertificate()))
        .cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  HttpResponse<String> send(FuzzRequest request) throws IOException {
    try {
      return exchange(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> exchange(FuzzRequest request) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body = request.body() == null ? BodyPublishers.noBody() : request.body().publisher();
    return switch (request.operation().api()) {
      case PROVIDER -> providerFor(request).exchange(request.method(), request.target(), request.contentType(), body);
      case CLIENT -> client.send(builder(clientBase, request, body).build(), HttpResponse.BodyHandlers.ofString());
      case INTERNAL -> internal.send(builder(internalBase, request, body)
          .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
    };
  }

  private ProviderApi providerFor(FuzzRequest request) {
    String path = request.operation().path();
    boolean session = path.startsWith("/api/auth/") && !path.equals("/api/auth/me")
        && !path.equals("/api/auth/account");
    return session ? anonymous : provider;
  }

  private static HttpRequest.Builder builder(URI base, FuzzRequest request, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.target())).timeout(TIMEOUT)
        .method(request.method(), body).header("Accept", "application/json");
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    request.headers().forEach(builder::header);
    return builder;
  }

  private static String internalSecret(LocalPlatform platform) {
    Properties secrets = new Properties();
    try (Reader in = Files.newBufferedReader(platform.options().dataDir().resolve("secrets.properties"))) {
      secrets.load(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return secrets.getProperty("INTERNAL_API_SECRET");
  }
}
