package ch.ontrack.provider.sharing;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PROVIDER_PUBLIC_URL, CLIENT_PUBLIC_URL, CLIENT_INTERNAL_URL, INTERNAL_API_SECRET,
 * ACCESS_CODE_ENCRYPTION_KEY (base64 of 32 bytes) and DELIVERY_RETRY_INTERVAL.
 */
@ConfigurationProperties("oc.sharing")
record SharingSettings(
    URI providerPublicUrl,
    URI clientPublicUrl,
    URI clientInternalUrl,
    String internalApiSecret,
    String accessCodeEncryptionKey,
    Duration deliveryRetryInterval) {

  String link(String token) {
    String base = clientPublicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/s/" + token;
  }
}
