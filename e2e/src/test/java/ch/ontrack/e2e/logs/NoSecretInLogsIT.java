package ch.ontrack.e2e.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.apiclient.ApiProblemException;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No secret in any log: the whole flow runs through the gateway (sign-up, a wrong then the right
 * password, send, the link opened, a wrong then the right access code, download, a new code,
 * revoke, sign-out), every secret the run created is collected, then every log the platform wrote
 * (backends, databases, gateway) and the test JVM's own output are searched for each of them.
 */
class NoSecretInLogsIT {

    private static final String PASSWORD = "correct horse battery staple 42";
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R>>endobj\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void noLogLineHoldsATokenACodeASessionOrAPassword() throws Exception {
        OutputCapture jvmOutput = OutputCapture.start(); // before the platform starts, if it is not running yet
        LocalPlatform platform = SharedPlatform.get();
        HttpClient http = SharedPlatform.httpClient();
        Secrets secrets = new Secrets();
        Path dataDir = platform.options().dataDir();
        try {
            runTheWholeFlow(platform, http, secrets);
            readPlatformSecrets(dataDir, secrets);
        } finally {
            // every line written, shutdown included; a later test starts the platform again
            SharedPlatform.stop();
            jvmOutput.stop();
        }

        List<Path> logs = logFiles(dataDir);
        assertThat(logs)
                .as("log files under " + dataDir)
                .extracting(p -> p.getFileName().toString())
                .contains("provider-backend.log", "client-backend.log", "gateway.log");
        assertThat(secrets.count()).as("secrets collected").isGreaterThanOrEqualTo(12);
        List<String> hits = new ArrayList<>();
        for (Path log : logs) {
            hits.addAll(
                    secrets.foundIn(dataDir.relativize(log).toString(), Files.readString(log, StandardCharsets.UTF_8)));
        }
        hits.addAll(secrets.foundIn("the test JVM's output", jvmOutput.text()));
        assertThat(hits).as("secrets in logs").isEmpty();

        // the logs searched are those of this run: its requests are there, in their redacted form
        // (booleans: a failure must not print the logs, which could hold secrets)
        String gateway = Files.readString(dataDir.resolve("logs/gateway.log"));
        assertThat(gateway.contains("\"path\":\"/api/shares/[redacted]/unlock\",\"status\":403"))
                .as("gateway.log has the wrong code's unlock, redacted")
                .isTrue();
        assertThat(gateway.contains("\"path\":\"/s/[redacted]\",\"status\":200"))
                .as("gateway.log has the link opened, redacted")
                .isTrue();
        assertThat(Files.readString(dataDir.resolve("logs/provider-backend.log"))
                        .contains("Login failed for " + secrets.providerEmail))
                .as("provider-backend.log has the mistyped password's failed login")
                .isTrue();
    }

    private static void runTheWholeFlow(LocalPlatform platform, HttpClient http, Secrets secrets) throws Exception {
        String unique = UUID.randomUUID().toString();
        secrets.providerEmail = "provider-" + unique + "@example.com";
        ProviderApi signUp = SharedPlatform.providerApi(platform);
        signUp.signup(secrets.providerEmail, PASSWORD, "Fiduciary " + unique.substring(0, 8));
        secrets.add("password", PASSWORD);
        String verification = platform.awaitMailedToken(secrets.providerEmail, "/verify-email", Duration.ofSeconds(30));
        secrets.add("e-mail verification token", verification);
        signUp.verifyEmail(verification);
        secrets.addCookies("provider session cookie", signUp.cookies());
        signUp.post("/api/auth/logout", Map.of());

        ProviderApi provider = SharedPlatform.providerApi(platform);
        String wrongPassword = "wrong horse battery staple " + unique.substring(0, 8);
        secrets.add("password (mistyped)", wrongPassword);
        assertThatThrownBy(() -> provider.login(secrets.providerEmail, wrongPassword))
                .isInstanceOfSatisfying(
                        ApiProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
        provider.login(secrets.providerEmail, PASSWORD);
        secrets.addCookies("provider session cookie", provider.cookies());

        String clientEmail = "client-" + unique + "@example.com";
        String clientId = provider.createClient("Client " + unique.substring(0, 8), clientEmail)
                .get("id")
                .asString();
        String documentId = provider.createDocument("Annual accounts", "Dear client,\nhere they are.")
                .get("id")
                .asString();
        provider.uploadFile(documentId, "accounts.pdf", "application/pdf", PDF);
        JsonNode sent = provider.share(documentId, clientId, Instant.now().plus(Duration.ofDays(7)));
        String shareId = sent.get("id").asString();
        String link = sent.get("link").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        String code = sent.get("accessCode").asString();
        secrets.add("link token", token);
        secrets.add("access code", code);

        // the client opens the link (the client app's page), then the API as the app calls it
        assertThat(http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
        ClientApi client = SharedPlatform.clientApi(platform);
        assertThat(client.shareState(token).status()).isEqualTo(200);
        String wrongCode = code.startsWith("A") ? "BBBBB-BBBBB" : "AAAAA-AAAAA";
        assertThat(client.unlock(token, wrongCode).status()).isEqualTo(403);
        assertThat(client.unlock(token, code).status()).isEqualTo(200);
        secrets.addCookies("share session cookie", client.cookies());
        String fileId = new tools.jackson.databind.json.JsonMapper()
                .readTree(client.document(token).text())
                .get("files")
                .get(0)
                .get("id")
                .asString();
        assertThat(client.file(token, fileId).body()).isEqualTo(PDF);

        String newCode = provider.post("/api/shares/" + shareId + "/regenerate-code", Map.of())
                .get("accessCode")
                .asString();
        secrets.add("access code (regenerated)", newCode);
        ClientApi again = SharedPlatform.clientApi(platform);
        assertThat(again.unlock(token, code).status()).as("the old code").isEqualTo(403);
        assertThat(again.unlock(token, newCode).status()).isEqualTo(200);
        secrets.addCookies("share session cookie", again.cookies());

        assertThat(provider.post("/api/shares/" + shareId + "/revoke", Map.of())
                        .get("status")
                        .asString())
                .isEqualTo("REVOKED");
        assertThat(again.document(token).status()).isEqualTo(410);
        assertThat(again.file(token, fileId).status()).isEqualTo(410);
        provider.post("/api/auth/logout", Map.of());
    }

    /** The local secrets the launcher generated: internal API secret, database passwords, encryption key. */
    private static void readPlatformSecrets(Path dataDir, Secrets secrets) throws IOException {
        Properties generated = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("secrets.properties"))) {
            generated.load(in);
        }
        generated
                .stringPropertyNames()
                .forEach(name -> secrets.add("platform secret " + name, generated.getProperty(name)));
    }

    /** Every log the platform writes: {@code logs/}, and any other log file in its data directory. */
    private static List<Path> logFiles(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.startsWith(dataDir.resolve("logs"))
                            || p.getFileName().toString().endsWith(".log")
                            || p.getParent().getFileName().toString().equals("log"))
                    .sorted()
                    .toList();
        }
    }
}
