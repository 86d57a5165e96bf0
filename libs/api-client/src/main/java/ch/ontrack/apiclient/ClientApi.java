package ch.ontrack.apiclient;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The client site's API as its SPA calls it: a share link's state, the unlock with the access code
 * (which sets the share session cookie), the document and its files. Responses come back whatever
 * their status, since wrong codes, locks and expiry are answers to look at.
 */
public final class ClientApi {

    private final ApiSession session;

    public ClientApi(ApiSession session) {
        this.session = session;
    }

    public ApiSession session() {
        return session;
    }

    /** What opening the link shows before the code: available, locked, expired, attempts left. */
    public ApiResponse shareState(String token) {
        return session.get(shares(token));
    }

    public ApiResponse unlock(String token, String code) {
        return session.post(shares(token) + "/unlock", Map.of("code", code));
    }

    public ApiResponse document(String token) {
        return session.get(shares(token) + "/document");
    }

    /** A file in memory; extra headers (name, value, ...) such as {@code Range}. */
    public ApiResponse file(String token, String fileId, String... headers) {
        return session.get(shares(token) + "/files/" + fileId, headers);
    }

    /** A file as a stream, for large files; the caller closes it. */
    public HttpResponse<InputStream> download(String token, String fileId, String... headers) {
        return session.download(shares(token) + "/files/" + fileId, headers);
    }

    public Map<String, String> cookies() {
        return session.cookies();
    }

    private static String shares(String token) {
        return "/api/shares/" + token;
    }
}
