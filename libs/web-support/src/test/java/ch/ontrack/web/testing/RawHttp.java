package ch.ontrack.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 on a plain socket, for what java.net.http cannot do: bodies streamed chunked without
 * end, a Content-Length that is never sent, a chosen local address. The response is read while
 * the body is still being written, so a server that answers early and closes is seen doing so.
 * Shared with the backends' tests through this module's test jar.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What came back, and how many body bytes were written before the server stopped reading. */
    public record Response(int status, String head, String body, long bytesSent) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String type() {
            return json().path("type").asString().replace("https://on-track.ch/problems/", "");
        }
    }

    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "raw-http-reader");
        thread.setDaemon(true);
        return thread;
    });

    private RawHttp() {}

    /** {@code head}, then {@code unit} {@code times} times, then {@code tail}: produced as it is read. */
    public static InputStream repeated(String head, String unit, long times, String tail) {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] middle = unit.getBytes(StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        long body = middle.length * times;
        return new InputStream() {
            long position;

            @Override
            public int read() {
                long i = position++;
                if (i < start.length) {
                    return start[(int) i];
                }
                i -= start.length;
                if (i < body) {
                    return middle[(int) (i % middle.length)];
                }
                i -= body;
                return i < end.length ? end[(int) i] : -1;
            }
        };
    }

    /** Sends {@code head} (request line and headers), then {@code body} in 64 KiB chunks if given. */
    public static Response send(String localAddress, int port, String head, InputStream body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(60_000);
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(socket), READERS);
            long sent = 0;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = body.readNBytes(buffer, 0, buffer.length)) > 0 && !received.isDone(); sent += n) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(buffer, 0, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // the server closed the connection while we were still sending: its answer is what counts
            }
            return parse(received.join(), sent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(Socket socket) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                response.write(buffer, 0, n);
                if (complete(response.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (IOException e) {
            // a reset after the answer: keep what arrived
        }
        return response.toByteArray();
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        String rest = text.substring(end + 4);
        if (head.contains("transfer-encoding: chunked")) {
            return rest.endsWith("0\r\n\r\n");
        }
        int at = head.indexOf("content-length:");
        if (at >= 0) {
            int lineEnd = head.indexOf("\r\n", at);
            long length = Long.parseLong(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd)
                    .strip());
            return rest.getBytes(StandardCharsets.ISO_8859_1).length >= length;
        }
        return false;
    }

    private static Response parse(byte[] bytes, long sent) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("No HTTP response, got: " + text);
        }
        String head = text.substring(0, end);
        String body = text.substring(end + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            StringBuilder plain = new StringBuilder();
            int i = 0;
            while (true) {
                int lineEnd = body.indexOf("\r\n", i);
                int size = Integer.parseInt(body.substring(i, lineEnd).strip(), 16);
                if (size == 0) {
                    break;
                }
                plain.append(body, lineEnd + 2, lineEnd + 2 + size);
                i = lineEnd + 2 + size + 2;
            }
            body = plain.toString();
        }
        return new Response(Integer.parseInt(head.split(" ")[1]), head, body, sent);
    }
}
