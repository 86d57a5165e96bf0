package ch.ontrack.provider.sharing;

import ch.ontrack.provider.audit.Audit;
import ch.ontrack.provider.audit.AuditReading;
import ch.ontrack.provider.audit.AuditType;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The client side's share events (views, downloads, wrong codes, locks) go into the provider's audit log: every
 * time they are fetched from the client backend, each event once; and before the audit log is read, the shares
 * whose events may have changed are fetched (at most {@value #MAX_SHARES_PER_READ} per read). ADR 0304.
 */
@Component
class ShareEventImport {

    static final int MAX_SHARES_PER_READ = 50;
    private static final Map<String, AuditType> TYPES = Map.of(
            "VIEWED", AuditType.CLIENT_VIEWED,
            "DOWNLOADED", AuditType.CLIENT_DOWNLOADED,
            "UNLOCK_FAILED", AuditType.CLIENT_CODE_FAILED,
            "LOCKED", AuditType.CLIENT_LOCKED);

    private final Audit audit;
    private final Shares shares;
    private final ShareViews views;

    ShareEventImport(Audit audit, Shares shares, @Lazy ShareViews views) {
        this.audit = audit;
        this.shares = shares;
        this.views = views;
    }

    @EventListener
    void beforeReading(AuditReading reading) {
        views.current(shares.withOpenEvents(reading.providerId(), MAX_SHARES_PER_READ));
    }

    void importEvents(Shares.Row row, Events events) {
        for (Events.Event event : events.events()) {
            AuditType type = TYPES.get(event.type());
            if (type == null || event.at() == null) {
                continue;
            }
            String file = event.fileId() == null ? "" : event.fileId().toString();
            String details = row.recipientEmail() + (file.isEmpty() ? "" : " (file " + file + ")");
            audit.imported(
                    row.providerId(),
                    type,
                    event.at(),
                    row.id(),
                    details,
                    "share-event:" + row.id() + ":" + event.type() + ":" + event.at() + ":" + file);
        }
    }
}
