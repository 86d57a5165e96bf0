package ch.ontrack.client.internal;

import ch.ontrack.client.file.FileStore;
import ch.ontrack.client.share.AccessCodes;
import ch.ontrack.client.share.Ids;
import ch.ontrack.client.share.Share;
import ch.ontrack.client.share.ShareEvents;
import ch.ontrack.client.share.ShareInput;
import ch.ontrack.client.share.Shares;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.Languages;
import ch.ontrack.web.ShareLimits;
import ch.ontrack.web.input.EmailAddress;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The provider backend's view of its shares: deliver, revoke, new code, expiry, events, delete. */
@RestController
@RequestMapping("/internal/shares/{shareId}")
class InternalShareController {

    private static final Logger log = LoggerFactory.getLogger(InternalShareController.class);

    record ShareRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "must be base64url(sha256(token))")
            String tokenHash,

            @NotBlank @Size(max = 200) String providerName,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20000) @Nullable String message,
            @NotBlank @EmailAddress @Size(max = 320) String recipientEmail,
            @NotNull Instant expiresAt,

            @NotNull @Size(max = ShareLimits.MAX_FILES)
            List<@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String> fileIds,
            // optional so that a provider backend that does not send it yet still delivers (in German)
            @Pattern(regexp = Languages.PATTERN, message = "must be one of de, fr, it, en") @Nullable
            String language) {}

    record ExpiryRequest(@NotNull Instant expiresAt) {}

    record AccessCode(String accessCode) {}

    record Status(
            boolean locked, int failedAttempts, boolean revoked, Instant expiresAt, List<ShareEvents.Event> events) {}

    private final ShareDelivery delivery;
    private final Shares shares;
    private final ShareEvents events;
    private final FileStore files;
    private final AccessCodes codes;

    InternalShareController(
            ShareDelivery delivery, Shares shares, ShareEvents events, FileStore files, AccessCodes codes) {
        this.delivery = delivery;
        this.shares = shares;
        this.events = events;
        this.files = files;
        this.codes = codes;
    }

    @PutMapping
    @ApiResponse(responseCode = "201", description = "Delivered: the share is new")
    @ApiResponse(responseCode = "200", description = "Delivered again: the same share with a new access code")
    ResponseEntity<AccessCode> deliver(@PathVariable String shareId, @Valid @RequestBody ShareRequest body) {
        Ids.require(shareId, "Share");
        var input = new ShareInput(
                body.tokenHash(),
                body.providerName(),
                body.title(),
                body.message(),
                body.recipientEmail(),
                body.expiresAt(),
                Languages.orDefault(body.language()));
        // hashed before the transaction: Argon2 takes a while and must not hold a pooled connection
        ShareDelivery.Delivered result = delivery.deliver(shareId, input, body.fileIds(), codes.issue());
        log.info("Share {} delivered by the provider backend{}", shareId, result.created() ? "" : " again");
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new AccessCode(result.accessCode()));
    }

    @PostMapping("/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(
            responseCode = "404",
            description = "No such share: nothing to revoke",
            content = @Content(mediaType = "application/problem+json"))
    void revoke(@PathVariable String shareId) {
        if (!Ids.valid(shareId) || !shares.revoke(shareId)) {
            throw ApiProblem.notFound("Share");
        }
    }

    @PostMapping("/access-code")
    AccessCode newAccessCode(@PathVariable String shareId) {
        Ids.require(shareId, "Share");
        AccessCodes.Issued code = codes.issue();
        if (!shares.replaceAccessCode(shareId, code.hash())) {
            throw ApiProblem.notFound("Share");
        }
        return new AccessCode(code.code());
    }

    @PutMapping("/expiry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeExpiry(@PathVariable String shareId, @Valid @RequestBody ExpiryRequest body) {
        if (!Ids.valid(shareId) || !shares.changeExpiry(shareId, body.expiresAt())) {
            throw ApiProblem.notFound("Share");
        }
    }

    @GetMapping("/events")
    Status events(@PathVariable String shareId) {
        Share share = shares.find(Ids.require(shareId, "Share")).orElseThrow(() -> ApiProblem.notFound("Share"));
        return new Status(
                share.locked(), share.failedAttempts(), share.revoked(), share.expiresAt(), events.of(shareId));
    }

    /** Idempotent: deleting what is already gone is fine. */
    @DeleteMapping
    @Transactional
    @ApiResponse(responseCode = "204", description = "Deleted, or already gone")
    ResponseEntity<Void> delete(@PathVariable String shareId) {
        Ids.require(shareId, "Share");
        shares.delete(shareId);
        files.deleteAll(shareId);
        return ResponseEntity.noContent().build();
    }
}
