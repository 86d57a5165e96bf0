package ch.ontrack.provider.sharing;

import ch.ontrack.provider.account.AccountDeleting;
import ch.ontrack.provider.documents.DocumentDeleting;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a document or an account goes, its shares go on the client side too (through the outbox). */
@Component
class Removal {

    private final Shares shares;
    private final Outbox outbox;

    Removal(Shares shares, Outbox outbox) {
        this.shares = shares;
        this.outbox = outbox;
    }

    @EventListener
    void documentDeleting(DocumentDeleting event) {
        removeOnClientSide(shares.idsOfDocument(event.documentId()));
    }

    @EventListener
    void accountDeleting(AccountDeleting event) {
        removeOnClientSide(shares.idsOfProvider(event.providerId()));
    }

    private void removeOnClientSide(List<UUID> shareIds) {
        for (UUID shareId : shareIds) {
            outbox.cancel(shareId, Outbox.Kind.DELIVER);
            outbox.cancel(shareId, Outbox.Kind.REVOKE);
            outbox.add(UUID.randomUUID(), shareId, Outbox.Kind.DELETE, null);
        }
    }
}
