package ch.ontrack.smoke;

import static ch.ontrack.smoke.Answers.expect;
import static ch.ontrack.smoke.Answers.expectOk;
import static ch.ontrack.smoke.Answers.strings;

import ch.ontrack.apiclient.ApiProblemException;
import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.smoke.Answers.Failure;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The provider-to-client flow with a throwaway provider account (or a dedicated smoke account),
 * and its cleanup, which runs whatever happened before.
 */
final class Flow {

    static final byte[] PDF = """
      %PDF-1.4
      1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
      2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
      3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj
      trailer<</Root 1 0 R>>
      %%EOF
      """.getBytes(StandardCharsets.US_ASCII);

    private static final int POLL_ATTEMPTS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VERIFICATION_LINK = Pattern.compile("/verify-email#([A-Za-z0-9_-]+)");

    private final Sites sites;
    private final ProviderApi provider;
    private final ClientApi client;
    private final Report report;
    private final Options options;
    private final Cleanup cleanup;
    private String step;

    Flow(Sites sites, Report report, Options options) {
        this.sites = sites;
        this.provider = new ProviderApi(sites.provider());
        this.client = new ClientApi(sites.client());
        this.report = report;
        this.options = options;
        this.cleanup = new Cleanup(provider, report, options.providerEmail() != null);
    }

    void run() {
        try {
            signIn();
            String documentId = prepareDocument();
            Share share = send(documentId);
            String fileId = unlock(share);
            download(share, fileId);
            providerSeesEvents(share);
        } catch (Failure e) {
            report.fail(step, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.fail(step, "interrupted");
        } catch (Exception e) {
            report.fail(step, Explain.failure(e));
        } finally {
            cleanup.run();
        }
    }

    private void signIn() throws Exception {
        // The first answer of the API hands out the XSRF-TOKEN cookie every write must echo.
        sites.provider().get("/api/auth/me");
        if (options.providerEmail() == null) {
            step = "throwaway provider account signed up";
            String password = random(24);
            String email = "smoke-" + random(8).toLowerCase().replaceAll("[^a-z0-9]", "x") + "@example.com";
            try {
                provider.signup(email, password, "Smoke test " + Instant.now());
            } catch (ApiProblemException e) {
                if (e.status() == 403) {
                    throw new Failure(
                            "sign-up is disabled here (403); run with --provider-email and --provider-password "
                                    + "of a dedicated smoke account");
                }
                throw new Failure(
                        "POST /api/auth/signup answered " + e.response().summary() + "; expected 201");
            }
            cleanup.signedIn(password);
            if (sites.mailbox() != null) {
                verifyEmail(email);
            }
        } else {
            step = "smoke account signed in";
            expectOk("POST /api/auth/login", () -> provider.login(options.providerEmail(), options.providerPassword()));
            cleanup.signedIn(options.providerPassword());
        }
        report.ok(step);
    }

    /** Opens the verification link mailed to the throwaway account, read from the mail catcher. */
    private void verifyEmail(String email) throws Exception {
        for (int i = 0; i < POLL_ATTEMPTS; i++) {
            JsonNode messages = expect(sites.mailbox().get("/api/messages"), 200, "GET /api/messages of the mailbox")
                    .json();
            for (JsonNode message : messages) {
                Matcher m = VERIFICATION_LINK.matcher(message.path("body").asString(""));
                if (message.path("to").toString().contains(email) && m.find()) {
                    expectOk("POST /api/auth/verify-email", () -> provider.verifyEmail(m.group(1)));
                    return;
                }
            }
            Thread.sleep(1000);
        }
        throw new Failure("no verification mail to " + email + " in "
                + sites.mailbox().base().resolve("/api/messages"));
    }

    private String prepareDocument() {
        step = "client, document and PDF created";
        String clientId = expectOk(
                        "POST /api/clients",
                        () -> provider.createClient("Smoke test client", "smoke-client@example.com"))
                .path("id")
                .asString();
        cleanup.client(clientId);
        String documentId = expectOk(
                        "POST /api/documents",
                        () -> provider.createDocument("Smoke test " + Instant.now(), "Checks the deployment."))
                .path("id")
                .asString();
        cleanup.document(documentId);
        expectOk(
                "POST /api/documents/{id}/files",
                () -> provider.uploadFile(documentId, "smoke-test.pdf", "application/pdf", PDF));
        report.ok(step);
        return documentId;
    }

    private record Share(String id, String token, String code) {}

    private Share send(String documentId) throws Exception {
        step = "document sent to the client";
        JsonNode share;
        try {
            share = provider.share(documentId, cleanup.clientId(), Instant.now().plus(1, ChronoUnit.DAYS));
        } catch (ApiProblemException e) {
            if (e.status() == 403 && e.response().text().contains("email-not-verified")) {
                throw new Failure("the account's e-mail address is not verified (403 email-not-verified); give "
                        + "--mailbox-url of a mail catcher, or --provider-email of a verified smoke account");
            }
            throw new Failure(
                    "POST /api/documents/{id}/shares answered " + e.response().summary() + "; expected 201");
        }
        String shareId = share.path("id").asString();
        String link = share.path("link").asString();
        if (!link.contains("/s/")) {
            throw new Failure("the share's link has no /s/{token}: " + link);
        }
        String code =
                share.path("accessCode").isString() ? share.path("accessCode").asString() : revealCode(shareId);
        report.ok(step);
        return new Share(shareId, link.substring(link.lastIndexOf("/s/") + 3), code);
    }

    /** Delivered in the background: the code can be revealed once delivery is done. */
    private String revealCode(String shareId) throws Exception {
        ApiProblemException last = null;
        for (int i = 0; i < POLL_ATTEMPTS; i++) {
            try {
                return provider.revealCode(shareId).path("accessCode").asString();
            } catch (ApiProblemException e) {
                last = e;
            }
            Thread.sleep(1000);
        }
        throw new Failure("no access code: POST /api/shares/{id}/reveal-code still answered "
                + last.response().summary());
    }

    private String unlock(Share share) {
        step = "share unlocked on the client site with the access code";
        expect(client.shareState(share.token()), 200, "GET /api/shares/{token} on the client site");
        expect(client.unlock(share.token(), share.code()), 200, "POST /api/shares/{token}/unlock");
        ApiResponse document = expect(client.document(share.token()), 200, "GET /api/shares/{token}/document");
        JsonNode files = document.json().path("files");
        if (!files.isArray() || files.size() != 1 || !files.get(0).isObject()) {
            throw new Failure("the client sees no single file in " + document.summary());
        }
        report.ok(step);
        return files.get(0).path("id").asString();
    }

    private void download(Share share, String fileId) {
        step = "downloaded file has the uploaded bytes";
        ApiResponse r = expect(client.file(share.token(), fileId), 200, "GET /api/shares/{token}/files/{fileId}");
        if (!Arrays.equals(r.body(), PDF)) {
            throw new Failure("got " + r.body().length + " bytes that differ from the " + PDF.length + " uploaded");
        }
        report.ok(step);
    }

    private void providerSeesEvents(Share share) throws Exception {
        step = "provider sees VIEWED and DOWNLOADED";
        List<String> seen = List.of();
        for (int i = 0; i < POLL_ATTEMPTS; i++) {
            seen = strings(expectOk("GET /api/shares/{id}", () -> provider.get("/api/shares/" + share.id())));
            if (seen.contains("VIEWED") && seen.contains("DOWNLOADED")) {
                report.ok(step);
                return;
            }
            Thread.sleep(1000);
        }
        throw new Failure("the share's events never showed both; last seen values: " + seen);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
