package ch.ontrack.provider.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** File bytes as rows of {@value #CHUNK_SIZE} bytes: in and out with one chunk in memory at a time. */
@Component
public class FileStore {

  static final int CHUNK_SIZE = 1024 * 1024;
  private final JdbcClient jdbc;

  FileStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Copies the stream into chunks and returns the number of bytes written. */
  long write(UUID fileId, InputStream in) throws IOException {
    byte[] buffer = new byte[CHUNK_SIZE];
    long total = 0;
    int seq = 0;
    while (true) {
      int filled = in.readNBytes(buffer, 0, CHUNK_SIZE);
      if (filled == 0) {
        return total;
      }
      byte[] data = filled == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, filled);
      jdbc.sql("insert into file_chunk (file_id, seq, data) values (?, ?, ?)").params(fileId, seq++, data).update();
      total += filled;
      if (filled < CHUNK_SIZE) {
        return total;
      }
    }
  }

  /** Reads the file lazily, one chunk query at a time; callers must check access first. */
  public InputStream open(UUID fileId) {
    return chunksFrom(fileId, 0);
  }

  /** Reads the file from byte {@code start} on: its first query is the chunk that holds that byte. */
  public InputStream open(UUID fileId, long start) throws IOException {
    InputStream in = chunksFrom(fileId, start / CHUNK_SIZE);
    in.skipNBytes(start % CHUNK_SIZE);
    return in;
  }

  private InputStream chunksFrom(UUID fileId, long firstChunk) {
    return new InputStream() {
      private byte[] chunk = new byte[0];
      private int position;
      private long next = firstChunk;
      private boolean done;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] target, int offset, int length) {
        if (length == 0) {
          return 0;
        }
        while (position == chunk.length) {
          if (done || !load()) {
            return -1;
          }
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, count);
        position += count;
        return count;
      }

      private boolean load() {
        try {
          chunk = jdbc.sql("select data from file_chunk where file_id = ? and seq = ?")
              .params(fileId, next++).query(byte[].class).optional().orElse(null);
        } catch (RuntimeException e) {
          throw new UncheckedIOException(new IOException("Reading file failed", e));
        }
        position = 0;
        if (chunk == null) {
          chunk = new byte[0];
          done = true;
          return false;
        }
        return true;
      }
    };
  }
}
