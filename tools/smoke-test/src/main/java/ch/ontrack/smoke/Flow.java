package ch.ontrack.smoke;

import static ch.ontrack.smoke.Answers.expect;
import static ch.ontrack.smoke.Answers.id;
import static ch.ontrack.smoke.Answers.strings;

import ch.ontrack.smoke.Answers.Failure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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

  private final Http http;
  private final Report report;
  private final URI provider;
  private final URI client;
  private final Options options;
  private final Cleanup cleanup;
  private String step;

  Flow(Http http, Report report, Options options) {
    this.http = http;
    this.report = report;
    this.options = options;
    this.provider = options.providerUrl();
    this.client = options.clientUrl();
    this.cleanup = new Cleanup(http, report, provider, options.providerEmail() != null);
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
      report.fail(step, Http.explain(e));
    } finally {
      cleanup.run();
    }
  }

  private void signIn() throws Exception {
    // The first answer of the API hands out the XSRF-TOKEN cookie every write must echo.
    http.get(provider.resolve("/api/auth/me"));
    if (options.providerEmail() == null) {
      step = "throwaway provider account signed up";
      String password = random(24);
      String email = "smoke-" + random(8).toLowerCase().replaceAll("[^a-z0-9]", "x") + "@example.com";
      Http.Response r = write("POST", "/api/auth/signup",
          Json.of("email", email, "password", password, "organisation", "Smoke test " + Instant.now()));
      if (r.status() == 403) {
        throw new Failure("sign-up is disabled here (403); run with --provider-email and --provider-password "
            + "of a dedicated smoke account");
      }
      expect(r, 201, "POST /api/auth/signup");
      cleanup.signedIn(password);
      if (options.mailboxUrl() != null) {
        verifyEmail(email);
      }
    } else {
      step = "smoke account signed in";
      Http.Response r = write("POST", "/api/auth/login",
          Json.of("email", options.providerEmail(), "password", options.providerPassword()));
      expect(r, 200, "POST /api/auth/login");
      cleanup.signedIn(options.providerPassword());
    }
    report.ok(step);
  }

  /** Opens the verification link mailed to the throwaway account, read from the mail catcher. */
  private void verifyEmail(String email) throws Exception {
    URI messages = options.mailboxUrl().resolve("/api/messages");
    java.util.regex.Pattern link = java.util.regex.Pattern.compile("/verify-email#([A-Za-z0-9_-]+)");
    for (int i = 0; i < POLL_ATTEMPTS; i++) {
      Http.Response r = expect(http.get(messages), 200, "GET /api/messages of the mailbox");
      if (Json.parse(r.text()) instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Map<?, ?> message && String.valueOf(message.get("to")).contains(email)) {
            java.util.regex.Matcher m = link.matcher(String.valueOf(message.get("body")));
            if (m.find()) {
              expect(write("POST", "/api/auth/verify-email", Json.of("token", m.group(1))), 200,
                  "POST /api/auth/verify-email");
              return;
            }
          }
        }
      }
      Thread.sleep(1000);
    }
    throw new Failure("no verification mail to " + email + " in " + messages);
  }

  private String prepareDocument() throws Exception {
    step = "client, document and PDF created";
    String clientId = id(expect(write("POST", "/api/clients",
        Json.of("name", "Smoke test client", "email", "smoke-client@example.com")), 201, "POST /api/clients"));
    cleanup.client(clientId);
    String documentId = id(expect(write("POST", "/api/documents",
        Json.of("title", "Smoke test " + Instant.now(), "message", "Checks the deployment.")), 201,
        "POST /api/documents"));
    cleanup.document(documentId);
    expect(http.upload(provider.resolve("/api/documents/" + documentId + "/files"), "smoke-test.pdf",
        "application/pdf", PDF), 201, "POST /api/documents/{id}/files");
    report.ok(step);
    return documentId;
  }

  private record Share(String id, String token, String code) {}

  private Share send(String documentId) throws Exception {
    step = "document sent to the client";
    Http.Response sendAnswer = write("POST", "/api/documents/" + documentId + "/shares",
        Json.of("clientId", cleanup.clientId(), "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
    if (sendAnswer.status() == 403 && sendAnswer.text().contains("email-not-verified")) {
      throw new Failure("the account's e-mail address is not verified (403 email-not-verified); give --mailbox-url "
          + "of a mail catcher, or --provider-email of a verified smoke account");
    }
    Map<String, Object> share = Json.object(expect(sendAnswer, 201, "POST /api/documents/{id}/shares").text());
    String shareId = String.valueOf(share.get("id"));
    String link = String.valueOf(share.get("link"));
    if (!link.contains("/s/")) {
      throw new Failure("the share's link has no /s/{token}: " + link);
    }
    String code = share.get("accessCode") instanceof String s ? s : revealCode(shareId);
    report.ok(step);
    return new Share(shareId, link.substring(link.lastIndexOf("/s/") + 3), code);
  }

  /** Delivered in the background: the code can be revealed once delivery is done. */
  private String revealCode(String shareId) throws Exception {
    Http.Response r = null;
    for (int i = 0; i < POLL_ATTEMPTS; i++) {
      r = write("POST", "/api/shares/" + shareId + "/reveal-code", null);
      if (r.status() == 200) {
        return String.valueOf(Json.object(r.text()).get("accessCode"));
      }
      Thread.sleep(1000);
    }
    throw new Failure("no access code: POST /api/shares/{id}/reveal-code still answered " + r.summary());
  }

  private String unlock(Share share) throws Exception {
    step = "share unlocked on the client site with the access code";
    Http.Response state = http.get(client.resolve("/api/shares/" + share.token()));
    expect(state, 200, "GET /api/shares/{token} on the client site");
    Http.Response r = http.json("POST", client.resolve("/api/shares/" + share.token() + "/unlock"),
        Json.of("code", share.code()));
    expect(r, 200, "POST /api/shares/{token}/unlock");
    Map<String, Object> document = Json.object(
        expect(http.get(client.resolve("/api/shares/" + share.token() + "/document")), 200,
            "GET /api/shares/{token}/document").text());
    if (!(document.get("files") instanceof List<?> files) || files.size() != 1
        || !(files.get(0) instanceof Map<?, ?> file)) {
      throw new Failure("the client sees no single file in " + Json.abbreviate(document.toString()));
    }
    report.ok(step);
    return String.valueOf(file.get("id"));
  }

  private void download(Share share, String fileId) throws Exception {
    step = "downloaded file has the uploaded bytes";
    Http.Response r = expect(http.get(client.resolve("/api/shares/" + share.token() + "/files/" + fileId)), 200,
        "GET /api/shares/{token}/files/{fileId}");
    if (!Arrays.equals(r.body(), PDF)) {
      throw new Failure("got " + r.body().length + " bytes that differ from the " + PDF.length + " uploaded");
    }
    report.ok(step);
  }

  private void providerSeesEvents(Share share) throws Exception {
    step = "provider sees VIEWED and DOWNLOADED";
    List<String> seen = List.of();
    for (int i = 0; i < POLL_ATTEMPTS; i++) {
      Http.Response r = expect(http.get(provider.resolve("/api/shares/" + share.id())), 200, "GET /api/shares/{id}");
      seen = strings(Json.parse(r.text()));
      if (seen.contains("VIEWED") && seen.contains("DOWNLOADED")) {
        report.ok(step);
        return;
      }
      Thread.sleep(1000);
    }
    throw new Failure("the share's events never showed both; last seen values: " + seen);
  }

  private Http.Response write(String method, String path, String json) throws Exception {
    return http.json(method, provider.resolve(path), json);
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
