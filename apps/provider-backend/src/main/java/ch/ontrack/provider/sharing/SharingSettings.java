package ch.ontrack.provider.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * PROVIDER_PUBLIC_URL, CLIENT_PUBLIC_URL, CLIENT_INTERNAL_URL, INTERNAL_API_SECRET,
 * ACCESS_CODE_ENCRYPTION_KEY (base64 of 32 bytes) and DELIVERY_RETRY_INTERVAL.
 */
@Validated
@ConfigurationProperties("oc.sharing")
record SharingSettings(
        @NotNull URI providerPublicUrl,
        @NotNull URI clientPublicUrl,
        @NotNull URI clientInternalUrl,

        @NotBlank(message = "INTERNAL_API_SECRET must not be empty")
        String internalApiSecret,

        @NotBlank(message = "ACCESS_CODE_ENCRYPTION_KEY must not be empty")
        String accessCodeEncryptionKey,

        @NotNull Duration deliveryRetryInterval) {

    String link(String token) {
        String base = clientPublicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/s/" + token;
    }
}
