package ch.ontrack.client.share;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to a share, for the provider to see. */
@Repository
public class ShareEvents {

    public enum Type {
        VIEWED,
        DOWNLOADED,
        UNLOCK_FAILED,
        LOCKED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(Type type, Instant at, @Nullable String fileId) {}

    private final JdbcClient jdbc;

    ShareEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String shareId, Type type) {
        record(shareId, type, null);
    }

    public void record(String shareId, Type type, String fileId) {
        jdbc.sql("insert into share_events (share_id, type, file_id) values (?, ?, ?)")
                .params(shareId, type.name(), fileId)
                .update();
    }

    public List<Event> of(String shareId) {
        return jdbc.sql("select type, at, file_id from share_events where share_id = ? order by id")
                .param(shareId)
                .query((rs, row) -> new Event(
                        Type.valueOf(rs.getString("type")), Shares.instant(rs, "at"), rs.getString("file_id")))
                .list();
    }
}
