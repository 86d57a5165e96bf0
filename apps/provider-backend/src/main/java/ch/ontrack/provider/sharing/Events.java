package ch.ontrack.provider.sharing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** What the client backend reports about a share (GET /internal/shares/{id}/events). */
record Events(
        boolean locked,
        int failedAttempts,
        boolean revoked,
        @Nullable Instant expiresAt,
        List<Event> events) {

    record Event(String type, Instant at, @Nullable UUID fileId) {}

    static final Events NONE = new Events(false, 0, false, null, List.of());

    Events {
        events = events == null ? List.of() : List.copyOf(events);
    }

    boolean has(String type) {
        return events.stream().anyMatch(e -> type.equals(e.type()));
    }

    static Events parse(JsonMapper json, String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Events.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
