package ch.ontrack.smoke;

import java.net.URI;

/** Removes what the flow created: the throwaway account, or the smoke account's client and document. */
final class Cleanup {

  private final Http http;
  private final Report report;
  private final URI provider;
  private final boolean keepAccount;
  private String password;
  private String clientId;
  private String documentId;

  Cleanup(Http http, Report report, URI provider, boolean keepAccount) {
    this.http = http;
    this.report = report;
    this.provider = provider;
    this.keepAccount = keepAccount;
  }

  void signedIn(String password) {
    this.password = password;
  }

  void client(String id) {
    this.clientId = id;
  }

  void document(String id) {
    this.documentId = id;
  }

  String clientId() {
    return clientId;
  }

  void run() {
    if (password == null) {
      return;
    }
    String check = keepAccount ? "smoke account's client and document removed" : "throwaway account deleted";
    try {
      if (keepAccount) {
        if (documentId != null) {
          Answers.expect(http.json("DELETE", provider.resolve("/api/documents/" + documentId), null), 204,
              "DELETE /api/documents/{id}");
        }
        if (clientId != null) {
          Answers.expect(http.json("DELETE", provider.resolve("/api/clients/" + clientId), null), 204,
              "DELETE /api/clients/{id}");
        }
        http.json("POST", provider.resolve("/api/auth/logout"), null);
      } else {
        Answers.expect(http.json("DELETE", provider.resolve("/api/auth/account"), Json.of("password", password)), 204,
            "DELETE /api/auth/account");
      }
      report.ok(check);
    } catch (Answers.Failure e) {
      report.fail(check, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      report.fail(check, "interrupted");
    } catch (Exception e) {
      report.fail(check, Http.explain(e));
    }
  }
}
