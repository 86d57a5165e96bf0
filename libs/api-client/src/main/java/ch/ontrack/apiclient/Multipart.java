package ch.ontrack.apiclient;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A multipart/form-data body as browsers write it (the HTML standard's form encoding): text fields
 * and files, files from memory or streamed from disk so large uploads never sit in the heap.
 */
public final class Multipart {

    private final String boundary = "----oc-form-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();
    private long length;

    public Multipart field(String name, String value) {
        return part(
                disposition(name, null),
                null,
                BodyPublishers.ofString(value, StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8).length);
    }

    public Multipart file(String name, String fileName, String contentType, byte[] content) {
        return part(disposition(name, fileName), contentType, BodyPublishers.ofByteArray(content), content.length);
    }

    /** A file read from disk while the request is sent. */
    public Multipart file(String name, String fileName, String contentType, Path file) {
        try {
            BodyPublisher publisher = BodyPublishers.ofFile(file);
            return part(disposition(name, fileName), contentType, publisher, publisher.contentLength());
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot upload " + file, e);
        }
    }

    /** A file of known length read from a stream while the request is sent (the stream is opened then). */
    public Multipart file(
            String name, String fileName, String contentType, long length, Supplier<InputStream> content) {
        return part(
                disposition(name, fileName),
                contentType,
                BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(content), length),
                length);
    }

    /** The request's Content-Type, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body's length in bytes. */
    public long contentLength() {
        return length + closing().length;
    }

    public BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(BodyPublishers.ofByteArray(closing()));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    private Multipart part(String disposition, String contentType, BodyPublisher content, long contentLength) {
        String head = (parts.isEmpty() ? "" : "\r\n") + "--" + boundary + "\r\n" + disposition
                + (contentType == null ? "" : "\r\nContent-Type: " + contentType) + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        parts.add(BodyPublishers.ofByteArray(headBytes));
        parts.add(content);
        length += headBytes.length + contentLength;
        return this;
    }

    private byte[] closing() {
        return ((parts.isEmpty() ? "" : "\r\n") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String disposition(String name, String fileName) {
        return "Content-Disposition: form-data; name=\"" + escape(name) + "\""
                + (fileName == null ? "" : "; filename=\"" + escape(fileName) + "\"");
    }

    /** Quotes and line breaks percent-encoded, as browsers do; other characters travel as UTF-8. */
    static String escape(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
