package ch.ontrack.launcher.demo;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.launcher.component.Progress;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * On first start: a demo provider account, a client and a document, created through the provider
 * backend's public API like a user would. The generated password is kept in the data directory.
 */
public final class DemoData {

    static final String EMAIL = "demo@on-track.ch";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    // the smallest valid PDF the upload check can recognise by its bytes
    private static final String PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n";

    public record Account(String email, String password) {}

    private DemoData() {}

    /** The mail catcher as the demo account's owner reads it: the token of the newest link to a path. */
    @FunctionalInterface
    public interface Inbox {
        String awaitMailedToken(String recipient, String path, Duration patience);
    }

    /**
     * Creates the demo data unless {@code dataDir} already holds its account.
     *
     * @param providerBackend the provider backend's own address, without the gateway
     */
    public static void ensure(Path dataDir, URI providerBackend, Inbox inbox) {
        Path file = file(dataDir);
        if (Files.exists(file)) {
            return;
        }
        Progress progress = new Progress(System.out);
        long t0 = System.nanoTime();
        progress.starting("demo-data");
        ProviderApi api = new ProviderApi(ApiSession.builder(providerBackend)
                .connectTimeout(Duration.ofSeconds(5))
                .timeout(Duration.ofSeconds(60))
                .build());
        try {
            String password = password();
            api.signup(EMAIL, password, "Demo Fiduciary");
            // like its owner would: open the verification link from the mail catcher, so the demo account can send
            api.verifyEmail(inbox.awaitMailedToken(EMAIL, "/verify-email", Duration.ofSeconds(30)));
            save(file, new Account(EMAIL, password));
            String clientId = api.createClient("Alex Example", "alex@example.com")
                    .get("id")
                    .asString();
            String documentId = api.createDocument(
                            "Annual accounts 2025", "Hello Alex, here are your annual accounts. Kind regards.")
                    .get("id")
                    .asString();
            api.uploadFile(
                    documentId, "annual-accounts-2025.pdf", "application/pdf", PDF.getBytes(StandardCharsets.US_ASCII));
            progress.ready("demo-data", t0);
        } catch (RuntimeException e) {
            progress.info("[demo-data] could not be created (the platform runs without it): " + e.getMessage());
        }
    }

    public static Optional<Account> account(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new Account(p.getProperty("email"), p.getProperty("password")));
    }

    private static Path file(Path dataDir) {
        return dataDir.resolve("demo-account.properties");
    }

    private static void save(Path file, Account account) {
        Properties p = new Properties();
        p.setProperty("email", account.email());
        p.setProperty("password", account.password());
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "The demo provider account created on first start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String password() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                s.append('-');
            }
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
