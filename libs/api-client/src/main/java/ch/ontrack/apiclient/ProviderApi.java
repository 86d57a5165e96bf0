package ch.ontrack.apiclient;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The provider site's API as its SPA calls it: account, clients, documents with their files, and
 * shares. Every call expects a 2xx answer and returns its JSON; anything else is an {@link
 * ApiProblemException}. Before the first write it fetches the XSRF-TOKEN cookie, as the SPA's first
 * page load does. {@link #session()} gives the raw responses.
 */
public final class ProviderApi {

    private final ApiSession session;

    public ProviderApi(ApiSession session) {
        this.session = session;
    }

    public ApiSession session() {
        return session;
    }

    public JsonNode signup(String email, String password, String organisation) {
        return post("/api/auth/signup", Map.of("email", email, "password", password, "organisation", organisation));
    }

    /** Opens a verification link: its token (the link's fragment) confirms the account's address. */
    public JsonNode verifyEmail(String token) {
        return post("/api/auth/verify-email", Map.of("token", token));
    }

    public JsonNode login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password));
    }

    public JsonNode logout() {
        return post("/api/auth/logout", null);
    }

    /** Deletes the signed-in account and everything it sent. */
    public JsonNode deleteAccount(String password) {
        return write("DELETE", "/api/auth/account", Map.of("password", password));
    }

    public JsonNode createClient(String name, String email) {
        return post("/api/clients", Map.of("name", name, "email", email));
    }

    public JsonNode deleteClient(String clientId) {
        return write("DELETE", "/api/clients/" + clientId, null);
    }

    public JsonNode createDocument(String title, String message) {
        return post("/api/documents", Map.of("title", title, "message", message));
    }

    public JsonNode deleteDocument(String documentId) {
        return write("DELETE", "/api/documents/" + documentId, null);
    }

    public JsonNode uploadFile(String documentId, String fileName, String contentType, byte[] content) {
        return upload(documentId, new Multipart().file("file", fileName, contentType, content));
    }

    /** Streams the file from disk. */
    public JsonNode uploadFile(String documentId, String fileName, String contentType, Path file) {
        return upload(documentId, new Multipart().file("file", fileName, contentType, file));
    }

    /** Sends a document to a client: the answer holds {@code id}, {@code link} and, once delivered, {@code accessCode}. */
    public JsonNode share(String documentId, String clientId, Instant expiresAt) {
        return post(
                "/api/documents/" + documentId + "/shares",
                Map.of("clientId", clientId, "expiresAt", expiresAt.toString()));
    }

    /** The access code of a delivered share; 409 while it is still being delivered. */
    public JsonNode revealCode(String shareId) {
        return post("/api/shares/" + shareId + "/reveal-code", Map.of());
    }

    /** Any read the typed calls above do not cover. */
    public JsonNode get(String path) {
        return session.get(path).expectOk().json();
    }

    /** Any write the typed calls above do not cover. */
    public JsonNode post(String path, Object body) {
        return write("POST", path, body);
    }

    public Map<String, String> cookies() {
        return session.cookies();
    }

    private JsonNode write(String method, String path, Object body) {
        ensureCsrfCookie();
        return session.exchange(method, path, body).expectOk().json();
    }

    private JsonNode upload(String documentId, Multipart form) {
        ensureCsrfCookie();
        return session.upload("/api/documents/" + documentId + "/files", form)
                .expectOk()
                .json();
    }

    /** Any answer of the API carries the cookie; /api/auth/me answers 401 before sign-in. */
    private void ensureCsrfCookie() {
        if (session.cookie("XSRF-TOKEN") == null) {
            session.get("/api/auth/me");
        }
    }
}
