package ch.ontrack.e2e.fuzz;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A request body: {@code head}, then {@code fill} bytes of {@code filler} generated while sending (never
 * held in memory), then {@code tail}; sent with {@code Transfer-Encoding: chunked} or a {@code
 * Content-Length}.
 */
public record GeneratedBody(byte[] head, long fill, byte filler, byte[] tail, boolean chunked) {

    public static GeneratedBody of(String text, boolean chunked) {
        return of(text.getBytes(StandardCharsets.UTF_8), chunked);
    }

    public static GeneratedBody of(byte[] bytes, boolean chunked) {
        return new GeneratedBody(bytes, 0, (byte) 0, new byte[0], chunked);
    }

    public long length() {
        return head.length + fill + tail.length;
    }

    public BodyPublisher publisher() {
        if (fill == 0 && !chunked) {
            return BodyPublishers.ofByteArray(head);
        }
        BodyPublisher stream = BodyPublishers.ofInputStream(this::stream);
        return chunked ? stream : BodyPublishers.fromPublisher(stream, length());
    }

    public InputStream stream() {
        return new SequenceInputStream(Collections.enumeration(
                List.of(new ByteArrayInputStream(head), new Filler(fill, filler), new ByteArrayInputStream(tail))));
    }

    @Override
    public String toString() {
        String start = new String(head, 0, Math.min(head.length, 120), StandardCharsets.UTF_8);
        return length() + " bytes" + (chunked ? " chunked" : "") + " starting " + Texts.visible(start);
    }

    /** {@code size} copies of one byte, generated as read. */
    private static final class Filler extends InputStream {
        private final byte value;
        private long left;

        Filler(long size, byte value) {
            this.left = size;
            this.value = value;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return value & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
