package ch.ontrack.launcher.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local gateway's access log ({@code logs/gateway.log}): one JSON line per request with the
 * fields of the production gateway's Envoy access log, and the path redacted by {@link LogRedaction}
 * (no link token, no query string). Cookies and other headers are never written.
 */
final class GatewayAccessLog implements RequestLog, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final java.io.Writer out;

    GatewayAccessLog(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        this.out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void log(Request request, Response response) {
        String line = line(request, response);
        synchronized (this) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                // closed while the gateway stops: the line is lost, the request is not
            }
        }
    }

    static String line(Request request, Response response) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", Instant.ofEpochMilli(Request.getTimeStamp(request)).toString());
        fields.put("method", request.getMethod());
        fields.put("host", String.valueOf(request.getHeaders().get(HttpHeader.HOST)));
        fields.put("path", LogRedaction.path(request.getHttpURI().getPathQuery()));
        fields.put("status", response.getStatus());
        fields.put("duration_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime()));
        fields.put("bytes_in", Request.getContentBytesRead(request));
        fields.put("bytes_out", Response.getContentBytesWritten(response));
        fields.put("client", Request.getRemoteAddr(request));
        return JSON.writeValueAsString(fields);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // nothing left to write
        }
    }
}
