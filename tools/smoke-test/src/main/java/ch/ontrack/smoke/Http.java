package ch.ontrack.smoke;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** HTTPS with verified certificates and host names, cookies, and the CSRF header on writes. */
final class Http {

  record Response(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    String summary() {
      return status + (contentType.isEmpty() ? "" : " (" + contentType + ")")
          + (body.length == 0 ? "" : ": " + Json.abbreviate(text()));
    }
  }

  private final HttpClient client;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final Duration timeout;

  Http(Path caFile, Duration timeout) throws IOException, GeneralSecurityException {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .sslContext(sslContext(caFile))
        .cookieHandler(cookies)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  Response get(URI uri) throws IOException, InterruptedException {
    return send(request(uri).GET());
  }

  Response json(String method, URI uri, String body) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest.Builder builder = withCsrf(request(uri), uri).method(method, publisher);
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder);
  }

  Response upload(URI uri, String fileName, String contentType, byte[] content)
      throws IOException, InterruptedException {
    String boundary = "smoke-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return send(withCsrf(request(uri), uri)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Optional<String> cookie(URI uri, String name) {
    return cookies.getCookieStore().get(uri).stream()
        .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
  }

  /** A failed request in words a person deploying can act on. */
  static String explain(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof SSLHandshakeException || t instanceof javax.net.ssl.SSLException) {
        if (message.contains("PKIX") || message.contains("unable to find valid certification path")) {
          return "certificate not trusted (its issuer is not in the trust store; a self-signed or unknown CA?)";
        }
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
          return "certificate does not match the host name (" + message + ")";
        }
        if (message.contains("expired") || message.contains("NotAfter")) {
          return "certificate expired (" + message + ")";
        }
        return "TLS handshake failed: " + message;
      }
      if (t instanceof java.security.cert.CertificateException) {
        return "certificate rejected: " + message;
      }
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "unreachable: unknown host";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "unreachable: connection timed out";
      }
      if (t instanceof ConnectException) {
        return "unreachable: connection refused" + (t.getMessage() == null ? "" : " (" + message + ")");
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer within the timeout";
      }
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Accept", "application/json, text/html;q=0.9, */*;q=0.5");
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder builder, URI uri) {
    cookie(uri, "XSRF-TOKEN").ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
    return builder;
  }

  private Response send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  /** The system's trusted CAs, plus those in the given PEM file. */
  private static SSLContext sslContext(Path caFile) throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    if (caFile == null) {
      context.init(null, null, null);
      return context;
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    system.init((KeyStore) null);
    int n = 0;
    for (var manager : system.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        for (X509Certificate ca : x509.getAcceptedIssuers()) {
          store.setCertificateEntry("system-" + n++, ca);
        }
      }
    }
    try (InputStream in = Files.newInputStream(caFile)) {
      var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new GeneralSecurityException("no certificate in " + caFile);
      }
      for (Certificate ca : certificates) {
        store.setCertificateEntry("given-" + n++, ca);
      }
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
