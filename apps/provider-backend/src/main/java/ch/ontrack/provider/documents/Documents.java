package ch.ontrack.provider.documents;

import ch.ontrack.provider.system.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents and their file records, always scoped to one provider. */
@Repository
public class Documents {

    private static final String FILE_COLUMNS = "f.id, f.name, f.content_type, f.size";
    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Document> find(UUID providerId, UUID id) {
        return jdbc.sql(
                        "select id, title, message, created_at, updated_at from document where provider_id = ? and id = ?")
                .params(providerId, id)
                .query((rs, n) -> document(rs, List.of()))
                .optional()
                // the files only once the first result set is closed: a query inside the row mapper would ask the
                // pool for a second connection while holding the first, and a full pool would deadlock
                .map(d -> new Document(d.id(), d.title(), d.message(), d.createdAt(), d.updatedAt(), files(id)));
    }

    public List<StoredFile> files(UUID documentId) {
        return jdbc.sql("select " + FILE_COLUMNS
                        + " from document_file f where f.document_id = ? order by f.created_at, f.id")
                .param(documentId)
                .query(Documents::file)
                .list();
    }

    Optional<StoredFile> file(UUID providerId, UUID documentId, UUID fileId) {
        return jdbc.sql("select " + FILE_COLUMNS + " from document_file f join document d on d.id = f.document_id"
                        + " where d.provider_id = ? and d.id = ? and f.id = ?")
                .params(providerId, documentId, fileId)
                .query(Documents::file)
                .optional();
    }

    /** Newest first; one more row than asked tells whether there is a next page. */
    List<Document> page(UUID providerId, Cursor after, int limit) {
        String keyset = after == null ? "" : " and (created_at, id) < (?, ?)";
        var statement = jdbc.sql("select id, title, message, created_at, updated_at from document"
                        + " where provider_id = ?" + keyset + " order by created_at desc, id desc limit ?")
                .param(providerId);
        if (after != null) {
            statement = statement.param(Timestamps.param(after.createdAt())).param(after.id());
        }
        List<Document> rows = statement
                .param(limit + 1)
                .query((rs, n) -> document(rs, List.of()))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        // the page's files in one query rather than one per document
        Map<UUID, List<StoredFile>> files = new HashMap<>();
        jdbc.sql("select f.document_id, " + FILE_COLUMNS + " from document_file f where f.document_id in (:ids)"
                        + " order by f.created_at, f.id")
                .param("ids", rows.stream().map(Document::id).toList())
                .query(rs -> {
                    files.computeIfAbsent(rs.getObject("document_id", UUID.class), k -> new ArrayList<>())
                            .add(file(rs, 0));
                });
        return rows.stream()
                .map(d -> new Document(
                        d.id(),
                        d.title(),
                        d.message(),
                        d.createdAt(),
                        d.updatedAt(),
                        files.getOrDefault(d.id(), List.of())))
                .toList();
    }

    Document create(UUID providerId, String title, String message) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into document (id, provider_id, title, message) values (?, ?, ?, ?)")
                .params(id, providerId, title, message)
                .update();
        return find(providerId, id).orElseThrow();
    }

    boolean update(UUID providerId, UUID id, String title, String message) {
        return jdbc.sql(
                                "update document set title = ?, message = ?, updated_at = now() where provider_id = ? and id = ?")
                        .params(title, message, providerId, id)
                        .update()
                == 1;
    }

    boolean delete(UUID providerId, UUID id) {
        return jdbc.sql("delete from document where provider_id = ? and id = ?")
                        .params(providerId, id)
                        .update()
                == 1;
    }

    /** How many files a document has and their bytes together. */
    record Usage(int files, long bytes) {}

    /** Locks the document row so concurrent uploads cannot overshoot the document's limits. */
    Optional<Usage> lockAndMeasure(UUID providerId, UUID id) {
        return jdbc.sql("select id from document where provider_id = ? and id = ? for update")
                .params(providerId, id)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional()
                .map(found -> jdbc.sql(
                                "select count(*), coalesce(sum(size), 0) from document_file where document_id = ?")
                        .param(found)
                        .query((rs, n) -> new Usage(rs.getInt(1), rs.getLong(2)))
                        .single());
    }

    void addFile(UUID documentId, StoredFile file) {
        jdbc.sql("insert into document_file (id, document_id, name, content_type, size) values (?, ?, ?, ?, ?)")
                .params(file.id(), documentId, file.name(), file.contentType(), file.size())
                .update();
    }

    void setFileSize(UUID fileId, long size) {
        jdbc.sql("update document_file set size = ? where id = ?")
                .params(size, fileId)
                .update();
    }

    boolean deleteFile(UUID providerId, UUID documentId, UUID fileId) {
        return jdbc.sql("delete from document_file f using document d where d.id = f.document_id"
                                + " and d.provider_id = ? and d.id = ? and f.id = ?")
                        .params(providerId, documentId, fileId)
                        .update()
                == 1;
    }

    private static Document document(ResultSet rs, List<StoredFile> files) throws SQLException {
        return new Document(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("message"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                files);
    }

    private static StoredFile file(ResultSet rs, int n) throws SQLException {
        return new StoredFile(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("content_type"), rs.getLong("size"));
    }
}
