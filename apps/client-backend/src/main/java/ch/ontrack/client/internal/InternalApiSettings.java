package ch.ontrack.client.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** INTERNAL_PORT and INTERNAL_API_SECRET (required: no default). */
@Validated
@ConfigurationProperties("oc.internal-api")
record InternalApiSettings(
        @PositiveOrZero int port,

        @NotBlank(message = "INTERNAL_API_SECRET must not be empty")
        String secret) {}
