package ch.ontrack.provider.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds views with fresh events from the client backend, or the last known ones when it does not answer. */
@Component
class ShareViews {

    private static final Logger log = LoggerFactory.getLogger(ShareViews.class);
    private final ClientBackend client;
    private final Shares shares;
    private final JsonMapper json;
    private final ShareEventImport imports;

    ShareViews(ClientBackend client, Shares shares, JsonMapper json, ShareEventImport imports) {
        this.client = client;
        this.shares = shares;
        this.json = json;
        this.imports = imports;
    }

    ShareView current(Shares.Row row) {
        return current(row, true);
    }

    /** After the first failure the others use their last known events: a list must not wait N timeouts. */
    List<ShareView> current(List<Shares.Row> rows) {
        List<ShareView> views = new ArrayList<>();
        boolean ask = true;
        for (Shares.Row row : rows) {
            ShareView view = current(row, ask);
            views.add(view);
            ask = ask && !view.eventsStale();
        }
        return views;
    }

    private ShareView current(Shares.Row row, boolean ask) {
        String eventsJson = row.eventsJson();
        boolean lastKnown = false;
        if (!ask) {
            lastKnown = true;
        } else if (row.deliveredAt() != null && row.revokedAt() == null) {
            try {
                String fresh = client.events(row.id());
                Events parsed = Events.parse(json, fresh);
                if (parsed != null) {
                    eventsJson = fresh;
                    shares.storeEvents(row.id(), fresh);
                    imports.importEvents(row, parsed);
                }
            } catch (ClientBackend.Unavailable e) {
                log.info("Events of share {} unavailable, showing the last known: {}", row.id(), e.getMessage());
                lastKnown = true;
            }
        }
        return ShareView.of(row, Events.parse(json, eventsJson), Instant.now()).withEventsStale(lastKnown);
    }
}
