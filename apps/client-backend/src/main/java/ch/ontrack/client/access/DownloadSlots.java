package ch.ontrack.client.access;

import ch.ontrack.web.ApiProblem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The limit on downloads streaming at once ({@link DownloadSettings}): at a rate the machine cannot serve, the
 * extra requests get a quick 503 instead of all of them sharing the heap until it runs out.
 */
@Component
class DownloadSlots {

    static final long RETRY_AFTER_SECONDS = 1;

    private final DownloadSettings settings;
    private final Semaphore slots;

    DownloadSlots(DownloadSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.slots = new Semaphore(settings.maxConcurrent());
        Gauge.builder("oc.downloads.in.progress", this, DownloadSlots::inProgress)
                .description("File downloads streaming now (at most DOWNLOAD_MAX_CONCURRENT)")
                .register(meters);
    }

    /**
     * A slot to release when the download ends; throws 503 {@code downloads-busy} (with {@code Retry-After} on
     * {@code response}, which the problem handler keeps) when none frees up in time.
     */
    Slot acquire(HttpServletResponse response) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(settings.slotWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "downloads-busy",
                    "Busy",
                    "Too many downloads at once. Try again in a moment.",
                    Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
        }
        return slots::release;
    }

    int inProgress() {
        return settings.maxConcurrent() - slots.availablePermits();
    }

    /** One download's slot. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
