package ch.ontrack.web.files;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Blobs as rows of {@value #CHUNK_SIZE} bytes in {@code file_object_chunk}: one chunk in memory at a time either
 * way. A write joins the caller's transaction, so a failed upload leaves no chunk behind. A file's chunks are those of
 * the chunk set its row names: new files use set 0, {@code files encrypt} writes the next one beside it.
 */
final class PostgresBlobs implements Blobs {

    static final int CHUNK_SIZE = 1024 * 1024;

    private final JdbcClient jdbc;

    PostgresBlobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Sink create(UUID id) {
        return create(id, 0);
    }

    /** A sink for the chunks of set {@code chunkSet} of the file {@code id}. */
    Sink create(UUID id, int chunkSet) {
        return new Sink() {
            private final byte[] buffer = new byte[CHUNK_SIZE];
            private int filled;
            private int seq;

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                while (length > 0) {
                    int n = Math.min(length, CHUNK_SIZE - filled);
                    System.arraycopy(bytes, offset, buffer, filled, n);
                    filled += n;
                    offset += n;
                    length -= n;
                    if (filled == CHUNK_SIZE) {
                        flushChunk();
                    }
                }
            }

            private void flushChunk() {
                jdbc.sql("insert into file_object_chunk (object_id, chunk_set, seq, data) values (?, ?, ?, ?)")
                        .params(id, chunkSet, seq++, Arrays.copyOf(buffer, filled))
                        .update();
                filled = 0;
            }

            @Override
            public void close() {
                if (filled > 0) {
                    flushChunk();
                }
            }

            @Override
            void abort() {
                // the caller's transaction rolls the chunks back, or the caller deletes the row (and its chunks with
                // it)
            }
        };
    }

    @Override
    public ReadChannel open(FileObject file) {
        UUID id = file.id();
        return new ReadChannel(file.storedSize()) {
            private byte[] chunk;
            private long chunkSeq = -1;

            @Override
            int readSome(ByteBuffer target) {
                if (position >= size()) {
                    return -1;
                }
                long seq = position / CHUNK_SIZE;
                if (seq != chunkSeq) {
                    chunk = jdbc.sql("select data from file_object_chunk where object_id = ? and chunk_set = ?"
                                    + " and seq = ?")
                            .params(id, file.chunkSet(), (int) seq)
                            .query(byte[].class)
                            .optional()
                            .orElseThrow(
                                    () -> new IllegalStateException("Chunk " + seq + " of file " + id + " is missing"));
                    chunkSeq = seq;
                }
                int from = (int) (position - seq * CHUNK_SIZE);
                int n = Math.min(target.remaining(), chunk.length - from);
                if (n <= 0) {
                    return -1;
                }
                target.put(chunk, from, n);
                position += n;
                return n;
            }
        };
    }

    @Override
    public void delete(UUID id) {
        jdbc.sql("delete from file_object_chunk where object_id = ?").param(id).update();
    }
}
