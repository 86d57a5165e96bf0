package ch.ontrack.provider.sharing;

import ch.ontrack.provider.account.EmailVerification;
import ch.ontrack.provider.account.Provider;
import ch.ontrack.provider.audit.Audit;
import ch.ontrack.provider.audit.AuditType;
import ch.ontrack.provider.documents.Documents;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.Languages;
import ch.ontrack.web.input.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ShareController {

    /** {@code language} only for a typed address (a client has their own); else the request's. */
    record SendRequest(
            @Nullable UUID clientId,
            @EmailAddress @Size(max = 254) @Nullable String email,
            @NotNull Instant expiresAt,

            @Pattern(regexp = Languages.PATTERN, message = "must be one of de, fr, it, en") @Nullable
            String language) {
        @AssertTrue(message = "give either clientId or email")
        boolean isOneRecipient() {
            return (clientId == null) != (email == null || email.isBlank());
        }
    }

    record ExpiryRequest(@NotNull Instant expiresAt) {}

    record AccessCode(String accessCode) {}

    private final Sending sending;
    private final Shares shares;
    private final ShareViews views;
    private final Documents documents;
    private final Outbox outbox;
    private final ClientBackend client;
    private final Secrets secrets;
    private final Delivery delivery;
    private final TransactionTemplate tx;
    private final Audit audit;
    private final EmailVerification verification;

    ShareController(
            Sending sending,
            Shares shares,
            ShareViews views,
            Documents documents,
            Outbox outbox,
            ClientBackend client,
            Secrets secrets,
            Delivery delivery,
            TransactionTemplate tx,
            Audit audit,
            EmailVerification verification) {
        this.sending = sending;
        this.shares = shares;
        this.views = views;
        this.documents = documents;
        this.outbox = outbox;
        this.client = client;
        this.secrets = secrets;
        this.delivery = delivery;
        this.tx = tx;
        this.audit = audit;
        this.verification = verification;
    }

    @GetMapping("/api/documents/{documentId}/shares")
    List<ShareView> list(@AuthenticationPrincipal Provider provider, @PathVariable UUID documentId) {
        if (documents.find(provider.id(), documentId).isEmpty()) {
            throw ApiProblem.notFound("The document");
        }
        return views.current(shares.ofDocument(provider.id(), documentId));
    }

    @PostMapping("/api/documents/{documentId}/shares")
    ResponseEntity<ShareView> send(
            @AuthenticationPrincipal Provider provider,
            @PathVariable UUID documentId,
            @Valid @RequestBody SendRequest body,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        verification.requireVerified(provider.id());
        String language = body.language() != null ? body.language() : Languages.fromAcceptLanguage(acceptLanguage);
        ShareView sent = sending.send(provider, documentId, body.clientId(), body.email(), body.expiresAt(), language);
        audit.record(provider.id(), AuditType.DOCUMENT_SENT, sent.id(), sent.recipientEmail());
        return ResponseEntity.status(HttpStatus.CREATED).body(sent);
    }

    @GetMapping("/api/shares/{id}")
    ShareView get(@AuthenticationPrincipal Provider provider, @PathVariable UUID id) {
        return views.current(share(provider, id));
    }

    @PostMapping("/api/shares/{id}/reveal-code")
    AccessCode revealCode(@AuthenticationPrincipal Provider provider, @PathVariable UUID id) {
        share(provider, id);
        byte[] sealed = tx.execute(status -> shares.takeCode(provider.id(), id).orElse(null));
        if (sealed == null) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "code-not-available",
                    "No code to reveal",
                    "The code was shown already, or the share is not delivered yet. Regenerate the code if it is lost.");
        }
        return new AccessCode(secrets.open(sealed, "code:" + id));
    }

    @PostMapping("/api/shares/{id}/revoke")
    ShareView revoke(@AuthenticationPrincipal Provider provider, @PathVariable UUID id) {
        Shares.Row row = share(provider, id);
        if (row.revokedAt() == null) {
            tx.executeWithoutResult(status -> {
                shares.markRevoked(id);
                outbox.cancel(id, Outbox.Kind.DELIVER);
            });
            try {
                client.revoke(id);
            } catch (ClientBackend.Unavailable e) {
                // revoking must not get lost: the worker keeps trying
                outbox.add(UUID.randomUUID(), id, Outbox.Kind.REVOKE, null);
            }
            audit.record(provider.id(), AuditType.SHARE_REVOKED, id, row.recipientEmail());
        }
        return views.current(share(provider, id));
    }

    /** After a permanent refusal by the client backend (DELIVERY_FAILED): deliver again, e.g. once fixed. */
    @PostMapping("/api/shares/{id}/retry-delivery")
    ShareView retryDelivery(@AuthenticationPrincipal Provider provider, @PathVariable UUID id) {
        if (share(provider, id).revokedAt() != null) {
            throw revoked();
        }
        if (!delivery.retryFailed(id)) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "delivery-not-failed",
                    "Delivery not failed",
                    "Only a share whose delivery failed can be retried.");
        }
        return views.current(share(provider, id));
    }

    @PostMapping("/api/shares/{id}/regenerate-code")
    AccessCode regenerateCode(@AuthenticationPrincipal Provider provider, @PathVariable UUID id) {
        usable(provider, id);
        String code = call(() -> client.newAccessCode(id));
        shares.storeCode(id, null);
        audit.record(provider.id(), AuditType.CODE_REGENERATED, id, null);
        return new AccessCode(code);
    }

    @PatchMapping("/api/shares/{id}")
    ShareView changeExpiry(
            @AuthenticationPrincipal Provider provider, @PathVariable UUID id, @Valid @RequestBody ExpiryRequest body) {
        Sending.checkExpiry(body.expiresAt());
        Shares.Row row = share(provider, id);
        if (row.revokedAt() != null) {
            throw revoked();
        }
        if (row.deliveredAt() != null) {
            call(() -> {
                client.changeExpiry(id, body.expiresAt());
                return null;
            });
        }
        shares.changeExpiry(id, body.expiresAt());
        audit.record(
                provider.id(), AuditType.EXPIRY_CHANGED, id, body.expiresAt().toString());
        return views.current(share(provider, id));
    }

    private Shares.Row share(Provider provider, UUID id) {
        return shares.find(provider.id(), id).orElseThrow(() -> ApiProblem.notFound("The share"));
    }

    private Shares.Row usable(Provider provider, UUID id) {
        Shares.Row row = share(provider, id);
        if (row.revokedAt() != null) {
            throw revoked();
        }
        if (row.deliveredAt() == null) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "not-delivered",
                    "Not delivered yet",
                    "The share is still waiting for delivery; try again in a moment.");
        }
        return row;
    }

    private static ApiProblem revoked() {
        return new ApiProblem(HttpStatus.CONFLICT, "share-revoked", "Share revoked", "The share is revoked.");
    }

    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ClientBackend.Unavailable e) {
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "client-backend-unavailable",
                    "Client service unavailable",
                    "The client service did not answer. Try again later.");
        }
    }
}
