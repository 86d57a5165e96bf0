package ch.ontrack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.SecurityHeaders;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTest {

  @TempDir static Path repo;
  @TempDir static Path data;
  static TestGateway gateway;
  static LaunchOptions options;
  static HttpServer providerBackend;
  static HttpClient https;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start(repo, data);
    options = gateway.options();
    providerBackend = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port("provider-backend", "server")), 0);
    providerBackend.createContext("/", exchange -> {
      long bytes;
      try (InputStream in = exchange.getRequestBody()) {
        bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      String body = exchange.getRequestHeaders().entrySet().stream()
          .map(e -> e.getKey().toLowerCase() + "=" + String.join(",", e.getValue()))
          .sorted().collect(Collectors.joining("\n")) + "\npath=" + exchange.getRequestURI() + "\nbytes=" + bytes;
      if (exchange.getRequestURI().getPath().startsWith("/api/download")) {
        exchange.getResponseHeaders().set("Content-Security-Policy", SecurityHeaders.DOWNLOAD_CONTENT_SECURITY_POLICY);
      }
      byte[] out = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    providerBackend.start();
    https = gateway.https();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    providerBackend.stop(0);
  }

  @Test
  void providerApiGoesToTheProviderBackendWithForwardedHeaders() throws Exception {
    HttpResponse<String> r = get("https://provider.localhost:%d/api/clients?x=1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("path=/api/clients?x=1", "x-forwarded-proto=https",
        "x-forwarded-host=provider.localhost:" + options.httpsPort(), "x-forwarded-for=127.0.0.1",
        "host=provider.localhost:" + options.httpsPort());
    assertThat(r.headers().allValues("Date")).hasSize(1);
  }

  @Test
  void clientSideRoutesGetTheAppsIndexWithoutCaching() throws Exception {
    HttpResponse<String> r = get("https://client.localhost:%d/s/some-token");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<title>client-frontend</title>");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(get("https://provider.localhost:%d/").body()).contains("<title>provider-frontend</title>");
  }

  @Test
  void hashedAssetsAreCachedForAYearAndMissingOnesAreNotFound() throws Exception {
    HttpResponse<String> r = get("https://provider.localhost:%d/assets/app-1a2b.js");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    assertThat(get("https://provider.localhost:%d/assets/missing.js").statusCode()).isEqualTo(404);
  }

  @Test
  void everyResponseCarriesTheProductionSecurityHeaders() throws Exception {
    for (String url : new String[] {"https://provider.localhost:%d/", "https://provider.localhost:%d/api/x",
        "https://client.localhost:%d/actuator/health", "https://mail.localhost:%d/"}) {
      HttpResponse<String> r = get(url);
      SecurityHeaders.COMMON.forEach((name, value) ->
          assertThat(r.headers().firstValue(name)).as(url + " " + name).hasValue(value));
    }
  }

  @Test
  void aBackendsOwnContentSecurityPolicyIsKept() throws Exception {
    HttpResponse<String> r = get("https://provider.localhost:%d/api/download/1");
    assertThat(r.headers().allValues("Content-Security-Policy"))
        .containsExactly(SecurityHeaders.DOWNLOAD_CONTENT_SECURITY_POLICY);
  }

  @Test
  void internalAndManagementPathsAreNeverRouted() throws Exception {
    for (String path : new String[] {"/internal/shares/1/events", "/actuator/health", "/actuator",
        "/Actuator/prometheus", "/internal;x=1/shares"}) {
      for (String site : new String[] {"provider", "client"}) {
        HttpResponse<String> r = get("https://" + site + ".localhost:%d" + path);
        assertThat(r.statusCode()).as(site + path).isEqualTo(404);
        assertThat(r.body()).doesNotContain("path=");
      }
    }
  }

  @Test
  void plainHttpRedirectsToHttps() throws Exception {
    HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(
        "http://client.localhost:" + options.httpPort() + "/s/abc?q=1")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(r.headers().firstValue("Location")).hasValue("https://client.localhost:" + options.httpsPort() + "/s/abc?q=1");
  }

  @Test
  void uploadsStreamThroughToTheBackend() throws Exception {
    byte[] body = new byte[40 * 1024 * 1024];
    HttpResponse<String> r = https.send(HttpRequest.newBuilder(url("https://provider.localhost:%d/api/documents/1/files"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).contains("bytes=" + body.length);
  }

  @Test
  void theMailPageListsReceivedMessagesWithClickableEscapedLinks() throws Exception {
    Properties smtp = new Properties();
    smtp.put("mail.smtp.host", "127.0.0.1");
    smtp.put("mail.smtp.port", String.valueOf(options.port("mail", "smtp")));
    MimeMessage message = new MimeMessage(Session.getInstance(smtp));
    message.setFrom(new InternetAddress("no-reply@on-track.ch"));
    message.setRecipients(jakarta.mail.Message.RecipientType.TO, "alex@example.com");
    message.setSubject("A document <script>alert(1)</script>");
    message.setText("Open https://client.localhost:8443/s/abc_DEF-123 to read it.");
    Transport.send(message);

    HttpResponse<String> json = get("https://mail.localhost:%d/api/messages");
    assertThat(json.body()).contains("alex@example.com", "/s/abc_DEF-123");
    String page = get("https://mail.localhost:%d/").body();
    assertThat(page).contains("<a href=\"https://client.localhost:8443/s/abc_DEF-123\"")
        .contains("&lt;script&gt;").doesNotContain("<script>");
  }

  private static URI url(String template) {
    return URI.create(template.formatted(options.httpsPort()));
  }

  private static HttpResponse<String> get(String template) throws IOException, InterruptedException {
    return https.send(HttpRequest.newBuilder(url(template)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
