package ch.ontrack.e2e.fuzz;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Sends generated requests the way each API's real callers do: the provider API with a signed-in
 * session and its CSRF token (the sign-up and sign-in endpoints anonymously, so that they cannot
 * replace that session), the client API with an unlocked share's session, the internal API with
 * the bearer secret, straight to the client backend's internal port.
 */
final class Sender {

    private final ProviderApi provider;
    private final ProviderApi anonymous;
    private final ApiSession client;
    private final ApiSession internal;

    Sender(LocalPlatform platform, ProviderApi provider, ApiSession client) {
        this.provider = provider;
        this.anonymous = SharedPlatform.providerApi(platform);
        this.client = client;
        this.internal = ApiSession.builder(
                        URI.create("http://127.0.0.1:" + platform.port(LocalTopology.CLIENT_BACKEND, "internal")))
                .connectTimeout(Duration.ofSeconds(5))
                .build()
                .withoutCookieJar()
                .header("Authorization", "Bearer " + internalSecret(platform));
    }

    HttpResponse<String> send(FuzzRequest request) {
        HttpRequest.BodyPublisher body = request.body() == null
                ? BodyPublishers.noBody()
                : request.body().publisher();
        ApiSession session = switch (request.operation().api()) {
            case PROVIDER -> providerFor(request).session();
            case CLIENT -> client;
            case INTERNAL -> internal;
        };
        List<String> headers = new ArrayList<>(List.of("Accept", "application/json"));
        if (request.contentType() != null) {
            headers.addAll(List.of("Content-Type", request.contentType()));
        }
        if (request.operation().api() != Operation.Api.PROVIDER) {
            request.headers().forEach((name, value) -> headers.addAll(List.of(name, value)));
        }
        return session.send(
                request.method(),
                request.target(),
                body,
                HttpResponse.BodyHandlers.ofString(),
                headers.toArray(String[]::new));
    }

    private ProviderApi providerFor(FuzzRequest request) {
        String path = request.operation().path();
        boolean session =
                path.startsWith("/api/auth/") && !path.equals("/api/auth/me") && !path.equals("/api/auth/account");
        return session ? anonymous : provider;
    }

    private static String internalSecret(LocalPlatform platform) {
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(platform.options().dataDir().resolve("secrets.properties"))) {
            secrets.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return secrets.getProperty("INTERNAL_API_SECRET");
    }
}
