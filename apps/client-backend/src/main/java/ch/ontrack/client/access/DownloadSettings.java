package ch.ontrack.client.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * DOWNLOAD_MAX_CONCURRENT: how many file downloads run at once. Each holds one stored chunk in memory while it is
 * written out, so this bounds the heap the download path can take whatever the load; and each uses at most one
 * pooled connection at a time, so with a limit below the pool's size (12) downloads alone cannot exhaust the pool
 * and cut one another off half-way (a chunk that finds no connection
 * within 2 s ends the download). A request beyond it waits up to {@code slotWait} for a slot, holding nothing, then gets 503 {@code downloads-busy} with Retry-After.
 */
@Validated
@ConfigurationProperties("oc.download")
record DownloadSettings(
        @Positive(message = "DOWNLOAD_MAX_CONCURRENT must be at least 1")
        int maxConcurrent,

        @NotNull(message = "oc.download.slot-wait must be set")
        Duration slotWait) {

    DownloadSettings {
        if (slotWait != null && slotWait.isNegative()) {
            throw new IllegalArgumentException("oc.download.slot-wait must be zero or positive");
        }
    }
}
