package ch.ontrack.launcher.pki;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS that trusts the local CA and nothing else, for tests and tools talking to the gateway. */
public final class LocalCaTrust {

  private LocalCaTrust() {}

  public static SSLContext sslContext(Path caPem) {
    try (InputStream in = Files.newInputStream(caPem)) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("local-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the local CA " + caPem, e);
    }
  }

  /**
   * An HTTP/1.1 client that verifies the gateway's certificates against the local CA. The JVM must
   * resolve {@code *.localhost} (run it with {@code -Djdk.net.hosts.file=...}).
   */
  public static HttpClient httpClient(Path caPem) {
    return HttpClient.newBuilder()
        .sslContext(sslContext(caPem))
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
