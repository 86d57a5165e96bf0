package ch.ontrack.web.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.UUID;

/** Where the stored (encrypted) bytes of files live: PostgreSQL chunks or S3 objects, both keyed by the file id. */
interface Blobs {

    /** A sink for the bytes of a new blob; {@code close()} completes it, {@link Sink#abort()} drops it. */
    Sink create(UUID id);

    /** The file's stored bytes, read lazily from any position (as long as its row's stored size). */
    SeekableByteChannel open(FileObject file);

    void delete(UUID id);

    abstract class Sink extends OutputStream {
        abstract void abort();
    }

    /** A channel that reads forward only as far as it is asked, from whichever position it is set to. */
    abstract class ReadChannel implements SeekableByteChannel {

        private final long size;
        protected long position;
        private boolean open = true;

        ReadChannel(long size) {
            this.size = size;
        }

        /**
         * Fills {@code target} as far as the blob goes: Tink's decrypting channel takes a short read for "try again
         * later" (non-blocking), so a segment must arrive in one call.
         */
        @Override
        public int read(java.nio.ByteBuffer target) throws IOException {
            if (position >= size) {
                return -1;
            }
            int total = 0;
            while (target.hasRemaining() && position < size) {
                int n = readSome(target);
                if (n <= 0) {
                    break;
                }
                total += n;
            }
            return total == 0 ? -1 : total;
        }

        /** Reads at least one byte at {@code position} into {@code target}, or returns -1 at the end. */
        abstract int readSome(java.nio.ByteBuffer target) throws IOException;

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int write(java.nio.ByteBuffer src) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
        }
    }
}
