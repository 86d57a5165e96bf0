package ch.ontrack.provider;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builders for request bodies, with valid defaults so tests only state what matters to them. */
final class TestData {

    private TestData() {}

    static ProviderData provider() {
        return new ProviderData();
    }

    static Map<String, Object> client(String name) {
        return Map.of("name", name, "email", name.toLowerCase().replaceAll("\\W", "") + "@example.ch");
    }

    static Map<String, Object> document(String title) {
        return Map.of("title", title, "message", "Please find the documents attached.");
    }

    static Map<String, Object> shareTo(String email) {
        return Map.of(
                "email",
                email,
                "expiresAt",
                Instant.now().plus(7, ChronoUnit.DAYS).toString());
    }

    static final class ProviderData {
        final Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "email", "provider-" + UUID.randomUUID() + "@example.ch",
                "password", "Alpenrose Velo Kaffee 42",
                "organisation", "Muster Treuhand AG"));

        ProviderData with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        String email() {
            return (String) body.get("email");
        }

        String password() {
            return (String) body.get("password");
        }

        ApiResponse signUp(ApiSession browser) {
            browser.get("/api/auth/csrf");
            return browser.post("/api/auth/signup", body);
        }

        ApiResponse login(ApiSession browser) {
            browser.get("/api/auth/csrf");
            return browser.post("/api/auth/login", Map.of("email", email(), "password", password()));
        }
    }
}
