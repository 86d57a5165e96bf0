package ch.ontrack.apiclient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser-like conversation with one site of the platform: its cookies, the {@code X-XSRF-TOKEN}
 * header the provider's SPA sends on writes (copied from the {@code XSRF-TOKEN} cookie), headers
 * sent with every request, and JSON. Paths resolve against the base URI; an absolute URI to another
 * host is sent without this site's cookies.
 */
public final class ApiSession {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final CookieJar cookies = new CookieJar();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private volatile boolean csrfHeader = true;
    private volatile boolean cookieJar = true;

    private ApiSession(HttpClient http, URI base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    /** A session with plain HTTP or the JVM's default trust. */
    public static ApiSession to(URI base) {
        return builder(base).build();
    }

    public static Builder builder(URI base) {
        return new Builder(base);
    }

    /** How a session connects: TLS trust, timeouts, or an HTTP client to share between sessions. */
    public static final class Builder {
        private final URI base;
        private SSLContext tls;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration timeout = Duration.ofMinutes(2);
        private HttpClient http;

        private Builder(URI base) {
            this.base = base;
        }

        /** Trust for HTTPS, for example {@link CaTrust#only} with the local CA. */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** How long one request may take until its response headers arrive. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Shares a client (its connections) with other sessions; the TLS and connect timeout are then its own. */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        public ApiSession build() {
            return new ApiSession(http != null ? http : ApiSession.httpClient(tls, connectTimeout), base, timeout);
        }
    }

    /** The HTTP client a session uses, for callers that build requests themselves: see {@link #httpClient(SSLContext, Duration)}. */
    public static HttpClient httpClient(SSLContext tls) {
        return httpClient(tls, Duration.ofSeconds(10));
    }

    /** HTTP/1.1 like a browser behind the gateway, no redirects followed (tests look at them); null TLS for the JVM's. */
    public static HttpClient httpClient(SSLContext tls, Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    public URI base() {
        return base;
    }

    /** Sends this header with every request from now on; null stops sending it. */
    public ApiSession header(String name, String value) {
        synchronized (headers) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
        }
        return this;
    }

    /** The value of a header sent with every request, or null. */
    public String header(String name) {
        synchronized (headers) {
            return headers.get(name);
        }
    }

    /** Stops echoing the XSRF-TOKEN cookie, as a cross-site form would. */
    public ApiSession withoutCsrfHeader() {
        csrfHeader = false;
        return this;
    }

    /** Neither keeps nor sends cookies, as another service calling the API does; callers send Cookie themselves. */
    public ApiSession withoutCookieJar() {
        cookieJar = false;
        return this;
    }

    /** A cookie this site set, or null. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    public Map<String, String> cookies() {
        return cookies.all();
    }

    public void forgetCookies() {
        cookies.clear();
    }

    /** A GET with extra request headers (name, value, ...). */
    public ApiResponse get(String path, String... headers) {
        return exchange("GET", path, null, headers);
    }

    public ApiResponse post(String path, Object json) {
        return exchange("POST", path, json);
    }

    public ApiResponse put(String path, Object json) {
        return exchange("PUT", path, json);
    }

    public ApiResponse patch(String path, Object json) {
        return exchange("PATCH", path, json);
    }

    public ApiResponse delete(String path) {
        return exchange("DELETE", path, null);
    }

    public ApiResponse delete(String path, Object json) {
        return exchange("DELETE", path, json);
    }

    /**
     * A request with a JSON body (null for none) and extra headers (name, value, ...). A {@code
     * String} body is sent as it is, so tests can send JSON no serializer would write.
     */
    public ApiResponse exchange(String method, String path, Object json, String... headers) {
        if (json == null) {
            return buffered(method, path, BodyPublishers.noBody(), headers);
        }
        String body = json instanceof String s ? s : JSON.writeValueAsString(json);
        return buffered(method, path, BodyPublishers.ofString(body), with(headers, "Content-Type", "application/json"));
    }

    /** A body sent byte for byte; its Content-Type goes in the headers (name, value, ...). */
    public ApiResponse sendBytes(String method, String path, byte[] body, String... headers) {
        return buffered(
                method, path, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body), headers);
    }

    /** A multipart/form-data POST, as a browser's file input sends it. */
    public ApiResponse upload(String path, Multipart form) {
        return buffered("POST", path, form.publisher(), "Content-Type", form.contentType());
    }

    /** One file in the form field {@code file}, the way the platform's upload endpoints take it. */
    public ApiResponse upload(String path, String fileName, String contentType, byte[] content) {
        return upload(path, new Multipart().file("file", fileName, contentType, content));
    }

    /** The body as a stream, for large downloads and ranges; the caller closes it. */
    public HttpResponse<InputStream> download(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), BodyHandlers.ofInputStream(), headers);
    }

    /** Any request with any body and body handler, with this session's cookies and headers. */
    public <T> HttpResponse<T> send(
            String method, String path, BodyPublisher body, BodyHandler<T> handler, String... headers) {
        URI uri = base.resolve(path);
        boolean useJar = cookieJar && sameSite(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body);
        if (timeout != null) {
            request.timeout(timeout);
        }
        synchronized (this.headers) {
            this.headers.forEach(request::setHeader);
        }
        String cookieHeader = useJar ? cookies.header() : null;
        if (cookieHeader != null) {
            request.setHeader("Cookie", cookieHeader);
        }
        String csrf = useJar && csrfHeader && !SAFE_METHODS.contains(method) ? cookies.get("XSRF-TOKEN") : null;
        if (csrf != null) {
            request.setHeader("X-XSRF-TOKEN", csrf);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<T> response = http.send(request.build(), handler);
            if (useJar) {
                cookies.remember(response.headers().allValues("Set-Cookie"));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " interrupted", e);
        }
    }

    private ApiResponse buffered(String method, String path, BodyPublisher body, String... headers) {
        HttpResponse<byte[]> response = send(method, path, body, BodyHandlers.ofByteArray(), headers);
        return new ApiResponse(method + " " + path, response.statusCode(), response.headers(), response.body());
    }

    private boolean sameSite(URI uri) {
        return !uri.isAbsolute()
                || (uri.getHost() != null
                        && uri.getHost().equalsIgnoreCase(base.getHost())
                        && uri.getPort() == base.getPort());
    }

    /** A default header first, so the caller's own value of it wins. */
    private static String[] with(String[] headers, String name, String value) {
        String[] all = new String[headers.length + 2];
        all[0] = name;
        all[1] = value;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }
}
