package ch.ontrack.e2e;

import ch.ontrack.launcher.LocalPlatform;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The local mail catcher, read through the gateway ({@code mail.localhost}). */
public final class Mailbox {

    private static final JsonMapper JSON = new JsonMapper();

    private Mailbox() {}

    /** The newest message to {@code recipient}, waiting for it up to {@code patience}. */
    public static Optional<JsonNode> awaitMessageTo(
            LocalPlatform platform, HttpClient http, String recipient, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        do {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(platform.mailUrl().resolve("/api/messages"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode message : JSON.readTree(r.body())) {
                if (message.get("to").asString().contains(recipient)) {
                    return Optional.of(message);
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }
}
