package ch.ontrack.client.share;

import java.time.Instant;

/** What the provider backend sends when it delivers (or re-delivers) a share. */
public record ShareInput(
        String tokenHash,
        String providerName,
        String title,
        String message,
        String recipientEmail,
        Instant expiresAt,
        String language) {}
