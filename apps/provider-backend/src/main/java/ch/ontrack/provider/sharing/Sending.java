package ch.ontrack.provider.sharing;

import ch.ontrack.provider.account.Provider;
import ch.ontrack.provider.clients.Client;
import ch.ontrack.provider.clients.Clients;
import ch.ontrack.provider.documents.Documents;
import ch.ontrack.provider.documents.UploadSettings;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.Tokens;
import ch.ontrack.web.input.EmailAddresses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Send: share, token hash and outbox item in one transaction, then one immediate delivery attempt. */
@Component
class Sending {

    static final Duration MAX_VALIDITY = Duration.ofDays(366);

    private final Shares shares;
    private final Outbox outbox;
    private final Clients clients;
    private final Documents documents;
    private final UploadSettings uploads;
    private final Secrets secrets;
    private final Delivery delivery;
    private final SharingSettings settings;
    private final TransactionTemplate tx;
    private final SharingMeters meters;

    Sending(
            Shares shares,
            Outbox outbox,
            Clients clients,
            Documents documents,
            UploadSettings uploads,
            Secrets secrets,
            Delivery delivery,
            SharingSettings settings,
            TransactionTemplate tx,
            SharingMeters meters) {
        this.shares = shares;
        this.outbox = outbox;
        this.clients = clients;
        this.documents = documents;
        this.uploads = uploads;
        this.secrets = secrets;
        this.delivery = delivery;
        this.settings = settings;
        this.tx = tx;
        this.meters = meters;
    }

    /** {@code language} is for a typed address; a client from the address book is written to in theirs. */
    ShareView send(
            Provider provider, UUID documentId, UUID clientId, String email, Instant expiresAt, String language) {
        checkExpiry(expiresAt);
        uploads.requireDeliverable(
                documents.find(provider.id(), documentId).orElseThrow(() -> ApiProblem.notFound("The document")));
        String recipient = EmailAddresses.normalise(email);
        String readsIn = language;
        if (clientId != null) {
            Client client = clients.find(provider.id(), clientId).orElseThrow(() -> ApiProblem.notFound("The client"));
            recipient = client.email();
            readsIn = client.language();
        }
        String lang = readsIn;
        String token = Tokens.random();
        UUID shareId = UUID.randomUUID();
        UUID outboxId = UUID.randomUUID();
        String to = recipient;
        tx.executeWithoutResult(status -> {
            shares.insert(shareId, provider.id(), documentId, clientId, to, Tokens.hash(token), expiresAt, lang);
            // the token waits encrypted only until the mail with the link has gone out
            outbox.add(outboxId, shareId, Outbox.Kind.DELIVER, secrets.seal(token, "token:" + shareId));
        });
        meters.sent();
        Optional<String> code = delivery.tryNow(outboxId);
        Shares.Row row = shares.byId(shareId).orElseThrow();
        return ShareView.of(row, null, Instant.now()).withSecrets(settings.link(token), code.orElse(null));
    }

    static void checkExpiry(Instant expiresAt) {
        Instant now = Instant.now();
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_VALIDITY))) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "validation",
                    "Invalid input",
                    "Some fields are missing or invalid.",
                    Map.of(
                            "errors",
                            List.of(Map.of(
                                    "field",
                                    "expiresAt",
                                    "message",
                                    "must be in the future and at most one year ahead"))));
        }
    }
}
