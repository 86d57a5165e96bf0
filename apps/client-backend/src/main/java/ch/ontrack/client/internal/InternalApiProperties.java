package ch.ontrack.client.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** INTERNAL_PORT and INTERNAL_API_SECRET. */
@ConfigurationProperties("oc.internal")
record InternalApiProperties(int port, String secret) {

  InternalApiProperties {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("INTERNAL_API_SECRET must not be empty");
    }
  }
}
