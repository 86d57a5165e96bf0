package ch.ontrack.client.access;

import ch.ontrack.client.file.FileStore;
import ch.ontrack.client.file.StoredFile;
import ch.ontrack.client.share.Ids;
import ch.ontrack.client.share.Share;
import ch.ontrack.client.share.ShareEvents;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.ByteRanges;
import ch.ontrack.web.SecurityHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams one file of an unlocked share, or the one byte range asked for ({@link ByteRanges}). Inline only for
 * PDF and images whose bytes match their type; everything else (HTML, SVG, scripts, ...) is always an attachment.
 */
@RestController
@Tag(name = "Shares", description = "Open a shared document with its link token and access code.")
class FileDownloadController {

    private final ShareAccess access;
    private final FileStore files;
    private final ShareEvents events;
    private final DownloadSlots slots;
    private final MeterRegistry meters;
    private final Counter bytes;

    FileDownloadController(
            ShareAccess access, FileStore files, ShareEvents events, DownloadSlots slots, MeterRegistry meters) {
        this.access = access;
        this.files = files;
        this.events = events;
        this.slots = slots;
        this.meters = meters;
        this.bytes = Counter.builder("oc.download.bytes")
                .description("Bytes of files served")
                .register(meters);
        downloads(true);
        downloads(false);
    }

    private Counter downloads(boolean inline) {
        return Counter.builder("oc.downloads")
                .description("Files served (HEAD requests excepted)")
                .tag("disposition", inline ? "inline" : "attachment")
                .register(meters);
    }

    @GetMapping("/api/shares/{token}/files/{fileId}")
    void download(
            @PathVariable String token,
            @PathVariable String fileId,
            @RequestParam(defaultValue = "false") boolean inline,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if ("HEAD".equals(request.getMethod())) {
            respond(token, fileId, inline, true, request, response);
            return;
        }
        // the slot first: a download waiting for one holds no pooled connection, and those that have one (fewer than
        // the pool's connections) cannot exhaust the pool and cut one another off half-way through the bytes
        try (DownloadSlots.Slot slot = slots.acquire(response)) {
            respond(token, fileId, inline, false, request, response);
        }
    }

    private void respond(
            String token,
            String fileId,
            boolean inline,
            boolean head,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Share share = access.readable(token, request);
        StoredFile file =
                files.find(share.id(), Ids.require(fileId, "File")).orElseThrow(() -> ApiProblem.notFound("File"));
        boolean showInline = inline && file.inlineSafe();
        ByteRanges.Part part = ByteRanges.prepare(request, response, file.size(), file.ref());
        if (!showInline && !head && part.start() == 0) { // a resumed download is the same download
            events.record(share.id(), ShareEvents.Type.DOWNLOADED, file.id());
        }
        response.setContentType(file.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(showInline, file.name()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SecurityHeaders.DOWNLOAD_CONTENT_SECURITY_POLICY);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (!head) {
            files.copy(file, response.getOutputStream(), part.start(), part.end());
            if (part.start() == 0) {
                downloads(showInline).increment();
            }
            bytes.increment(Math.max(0, part.length()));
        }
    }
}
