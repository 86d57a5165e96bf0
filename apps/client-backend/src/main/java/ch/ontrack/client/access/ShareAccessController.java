package ch.ontrack.client.access;

import ch.ontrack.client.file.FileStore;
import ch.ontrack.client.share.Share;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Opening a share: its state (read only, safe for link scanners), the unlock, the document. */
@RestController
@Tag(name = "Shares", description = "Open a shared document with its link token and access code.")
@RequestMapping("/api/shares/{token}")
class ShareAccessController {

    enum State {
        AVAILABLE,
        LOCKED,
        EXPIRED,
        REVOKED
    }

    /** {@code language}: the one the sender chose for the recipient; the page starts in it before unlocking. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ShareState(State state, @Nullable Integer attemptsLeft, String language) {}

    record UnlockRequest(@NotBlank @Size(max = 64) String code) {}

    private final ShareAccess access;
    private final Unlocking unlocking;
    private final FileStore files;
    private final AccessSettings settings;

    ShareAccessController(ShareAccess access, Unlocking unlocking, FileStore files, AccessSettings settings) {
        this.access = access;
        this.unlocking = unlocking;
        this.files = files;
        this.settings = settings;
    }

    @GetMapping
    ShareState state(@PathVariable String token) {
        Share share = access.byToken(token);
        if (share.revoked()) {
            return new ShareState(State.REVOKED, null, share.language());
        }
        if (share.expiredAt(Instant.now())) {
            return new ShareState(State.EXPIRED, null, share.language());
        }
        if (share.locked()) {
            return new ShareState(State.LOCKED, 0, share.language());
        }
        return new ShareState(
                State.AVAILABLE, Math.max(0, settings.maxAttempts() - share.failedAttempts()), share.language());
    }

    /** {@link UnlockRateLimiter} has taken an attempt before the body is read. */
    @PostMapping("/unlock")
    DocumentView unlock(
            @PathVariable String token, @Valid @RequestBody UnlockRequest body, HttpServletResponse response) {
        Share share = unlocking.unlock(token, body.code(), response);
        return DocumentView.of(share, files.of(share.id()));
    }

    @GetMapping("/document")
    DocumentView document(@PathVariable String token, HttpServletRequest request) {
        Share share = access.readable(token, request);
        return DocumentView.of(share, files.of(share.id()));
    }
}
