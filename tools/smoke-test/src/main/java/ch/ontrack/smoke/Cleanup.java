package ch.ontrack.smoke;

import ch.ontrack.apiclient.ProviderApi;

/** Removes what the flow created: the throwaway account, or the smoke account's client and document. */
final class Cleanup {

    private final ProviderApi provider;
    private final Report report;
    private final boolean keepAccount;
    private String password;
    private String clientId;
    private String documentId;

    Cleanup(ProviderApi provider, Report report, boolean keepAccount) {
        this.provider = provider;
        this.report = report;
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
                    Answers.expectOk("DELETE /api/documents/{id}", () -> provider.deleteDocument(documentId));
                }
                if (clientId != null) {
                    Answers.expectOk("DELETE /api/clients/{id}", () -> provider.deleteClient(clientId));
                }
                provider.session().post("/api/auth/logout", null);
            } else {
                Answers.expectOk("DELETE /api/auth/account", () -> provider.deleteAccount(password));
            }
            report.ok(check);
        } catch (Answers.Failure e) {
            report.fail(check, e.getMessage());
        } catch (Exception e) {
            report.fail(check, Explain.failure(e));
        }
    }
}
