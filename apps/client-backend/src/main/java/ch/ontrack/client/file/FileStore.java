package ch.ontrack.client.file;

import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.files.FileNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files live in PostgreSQL as 1 MiB chunks, so memory stays bounded in both directions whatever the
 * file size. An upload is one transaction: an interrupted upload leaves nothing behind. It holds its
 * connection while the bytes arrive, so only {@code oc.upload.max-concurrent} uploads run at once and
 * the others wait a little, then get 503 (the provider backend retries).
 */
@Component
public class FileStore {

  static final int CHUNK_SIZE = 1024 * 1024;
  private static final Duration UPLOAD_SLOT_WAIT = Duration.ofSeconds(10);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final UploadSettings limits;
  private final Semaphore uploads;

  FileStore(JdbcClient jdbc, TransactionTemplate tx, UploadSettings limits) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.limits = limits;
    this.uploads = new Semaphore(Math.max(1, limits.maxConcurrent()));
  }

  /** Stores the file unless (shareId, fileId) is already there; true when it was created. */
  public boolean store(String shareId, String fileId, String fileName, String declaredType,
      long declaredLength, InputStream body) {
    if (!acquireUploadSlot()) {
      throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "uploads-busy", "Busy",
          "Too many uploads at once. Try again in a few seconds.");
    }
    try {
      return insert(shareId, fileId, fileName, declaredType, declaredLength, body);
    } finally {
      uploads.release();
    }
  }

  private boolean acquireUploadSlot() {
    try {
      return uploads.tryAcquire(UPLOAD_SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean insert(String shareId, String fileId, String fileName, String declaredType,
      long declaredLength, InputStream body) {
    Boolean created = tx.execute(status -> {
      jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("files:" + shareId).query().listOfRows();
      Optional<Long> ref = jdbc.sql("""
              insert into files (share_id, file_id, name, content_type)
              values (?, ?, ?, ?) on conflict (share_id, file_id) do nothing returning id""")
          .params(shareId, fileId, FileNames.fromHeader(fileName), ContentTypes.clean(declaredType))
          .query(Long.class).optional();
      if (ref.isEmpty()) {
        return false;
      }
      long max = allowedSize(shareId, declaredLength);
      writeChunks(ref.get(), ContentTypes.clean(declaredType), body, max);
      return true;
    });
    return Boolean.TRUE.equals(created);
  }

  private long allowedSize(String shareId, long declaredLength) {
    long used = jdbc.sql("select coalesce(sum(size), 0) from files where share_id = ?")
        .param(shareId).query(Long.class).single();
    long fileMax = limits.maxFileSize().toBytes();
    long documentLeft = limits.maxDocumentSize().toBytes() - used;
    if (declaredLength > fileMax) {
      throw fileTooLarge();
    }
    if (declaredLength > documentLeft) {
      throw documentTooLarge();
    }
    return Math.min(fileMax, documentLeft);
  }

  private void writeChunks(long ref, String contentType, InputStream body, long max) {
    byte[] buffer = new byte[CHUNK_SIZE];
    long total = 0;
    int seq = 0;
    boolean inlineSafe = false;
    try {
      int n;
      while ((n = body.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
        total += n;
        if (total > max) {
          throw max == limits.maxFileSize().toBytes() ? fileTooLarge() : documentTooLarge();
        }
        if (seq == 0) {
          inlineSafe = ContentTypes.inlineSafe(contentType, buffer, n);
        }
        jdbc.sql("insert into file_chunks (file_ref, seq, data) values (?, ?, ?)")
            .params(ref, seq++, Arrays.copyOf(buffer, n)).update();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jdbc.sql("update files set size = ?, inline_safe = ? where id = ?")
        .params(total, inlineSafe, ref).update();
  }

  public List<StoredFile> of(String shareId) {
    return jdbc.sql("select id, file_id, name, content_type, size, inline_safe from files"
            + " where share_id = ? order by created_at, id")
        .param(shareId).query(FileStore::map).list();
  }

  public Optional<StoredFile> find(String shareId, String fileId) {
    return jdbc.sql("select id, file_id, name, content_type, size, inline_safe from files"
            + " where share_id = ? and file_id = ?")
        .params(shareId, fileId).query(FileStore::map).optional();
  }

  /** Ids among {@code fileIds} that were not uploaded for this share. */
  public List<String> missing(String shareId, Collection<String> fileIds) {
    List<String> present = of(shareId).stream().map(StoredFile::id).toList();
    return fileIds.stream().filter(id -> !present.contains(id)).distinct().toList();
  }

  /** Drops files uploaded for this share that the delivered document no longer lists. */
  public void retainOnly(String shareId, Collection<String> fileIds) {
    for (StoredFile file : of(shareId)) {
      if (!fileIds.contains(file.id())) {
        jdbc.sql("delete from files where id = ?").param(file.ref()).update();
      }
    }
  }

  /** Files whose share never arrived (the provider gave up or deleted the document meanwhile). */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void deleteOrphans() {
    jdbc.sql("delete from files f where created_at < now() - interval '7 days'"
        + " and not exists (select 1 from shares s where s.id = f.share_id)").update();
  }

  public void deleteAll(String shareId) {
    jdbc.sql("delete from files where share_id = ?").param(shareId).update();
  }

  /**
   * Streams bytes {@code start} to {@code end} (inclusive) of the file chunk by chunk, from the chunk that holds
   * {@code start}; each query holds one chunk in memory.
   */
  public void copy(StoredFile file, OutputStream out, long start, long end) throws IOException {
    long position = start / CHUNK_SIZE * CHUNK_SIZE;
    for (long seq = start / CHUNK_SIZE; position <= end; seq++) {
      Optional<byte[]> chunk = jdbc.sql("select data from file_chunks where file_ref = ? and seq = ?")
          .params(file.ref(), seq).query(byte[].class).optional();
      if (chunk.isEmpty()) {
        return;
      }
      byte[] data = chunk.get();
      int from = (int) Math.max(0, start - position);
      int to = (int) Math.min(data.length, end - position + 1);
      if (to > from) {
        out.write(data, from, to - from);
      }
      position += data.length;
    }
  }

  private ApiProblem fileTooLarge() {
    return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
        "A file may be at most " + limits.maxFileSize().toMegabytes() + " MB.");
  }

  private ApiProblem documentTooLarge() {
    return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", "Document too large",
        "The files of a document may be at most " + limits.maxDocumentSize().toMegabytes() + " MB together.");
  }

  private static StoredFile map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new StoredFile(rs.getLong("id"), rs.getString("file_id"), rs.getString("name"),
        rs.getString("content_type"), rs.getLong("size"), rs.getBoolean("inline_safe"));
  }
}
