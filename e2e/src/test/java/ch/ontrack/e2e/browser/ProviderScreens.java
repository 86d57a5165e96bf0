package ch.ontrack.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** The provider app as a person uses it: by labels, roles and visible text, never by CSS internals. */
final class ProviderScreens {

    record Sent(String link, String code) {}

    private final Page page;
    private final String base;

    ProviderScreens(Page page, String base) {
        this.page = page;
        this.base = base;
    }

    void signUp(String email, String password, String organisation) {
        page.navigate(base);
        assertThat(heading("Sign in")).isVisible();
        Chromium.screenshot(page, "provider-01-sign-in");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account"))
                .click();
        page.getByLabel("Organisation").fill(organisation);
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill("too short");
        button("Create account").click();
        assertThat(page.getByText("The password needs at least 12 characters.")).isVisible();
        Chromium.screenshot(page, "provider-02-sign-up-validation");
        page.getByLabel("Password").fill(password);
        button("Create account").click();
        assertThat(heading("Documents")).isVisible();
        Chromium.screenshot(page, "provider-03-documents-empty");
    }

    /** Until the address is confirmed, a banner says documents cannot be sent; the mailed link confirms it. */
    void verifyEmail(String token) {
        assertThat(page.getByTestId("verify-banner")).isVisible();
        page.navigate(base + "/verify-email#" + token);
        assertThat(page.getByText("is confirmed. You can send documents now.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to documents"))
                .click();
        assertThat(heading("Documents")).isVisible();
        assertThat(page.getByTestId("verify-banner")).hasCount(0);
    }

    void addClient(String name, String email) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clients"))
                .click();
        assertThat(heading("Clients")).isVisible();
        button("Add client").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        dialog.getByLabel("Name").fill(name);
        dialog.getByLabel("E-mail").fill(email);
        Chromium.screenshot(page, "provider-04-client-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.CELL, new Page.GetByRoleOptions().setName(name).setExact(true)))
                .isVisible();
        Chromium.screenshot(page, "provider-05-clients");
    }

    /** A second client, renamed, then deleted again: the whole life of an address-book entry. */
    void editAndDeleteClient(String name, String email, String newName) {
        button("Add client").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Name").fill(name);
        dialog.getByLabel("E-mail").fill(email);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        button("Edit " + name).click();
        assertThat(dialog.getByLabel("Name")).hasValue(name);
        dialog.getByLabel("Name").fill(newName);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.CELL,
                        new Page.GetByRoleOptions().setName(newName).setExact(true)))
                .isVisible();
        page.onceDialog(d -> d.accept());
        button("Delete " + newName).click();
        assertThat(page.getByText("Client deleted.")).isVisible();
        assertThat(page.getByRole(
                        AriaRole.CELL,
                        new Page.GetByRoleOptions().setName(newName).setExact(true)))
                .hasCount(0);
    }

    void createDocument(String title, String message, FilePayload file) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Documents"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New document"))
                .click();
        page.getByLabel("Title").fill(title);
        page.getByLabel("Message").fill(message);
        button("Create and add files").click();
        assertThat(heading("Edit document")).isVisible();
        page.getByLabel("Add files").setInputFiles(file);
        assertThat(page.getByText(file.name + " uploaded.")).isVisible();
        Chromium.screenshot(page, "provider-06-document-editor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done"))
                .click();
        assertThat(heading(title)).isVisible();
        assertThat(page.getByText("Not sent yet.")).isVisible();
        Chromium.screenshot(page, "provider-07-document-detail");
    }

    Sent send(String clientName) {
        button("Send…").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        assertThat(dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true)))
                .containsText(clientName);
        Chromium.screenshot(page, "provider-08-send-dialog");
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Send").setExact(true))
                .click();
        Locator code = dialog.getByLabel("Access code");
        assertThat(code).isVisible();
        assertThat(dialog.getByText("by another channel than the link")).isVisible();
        Chromium.screenshot(page, "provider-09-sent-link-and-code");
        Sent sent = new Sent(dialog.getByLabel("Link").inputValue(), code.inputValue());
        page.context()
                .grantPermissions(
                        List.of("clipboard-read", "clipboard-write"),
                        new BrowserContext.GrantPermissionsOptions().setOrigin(base));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy"))
                .nth(1)
                .click();
        assertThat(dialog.getByText("Copied.")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => navigator.clipboard.readText()"))
                .isEqualTo(sent.code());
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        return sent;
    }

    void expectShareStatus(String status, String... events) {
        Locator share = page.locator("article.share");
        for (int i = 0; i < 60; i++) {
            button("Refresh").click();
            if (share.locator(".badge").textContent().equals(status)) {
                break;
            }
            page.waitForTimeout(500);
        }
        assertThat(share.locator(".badge")).hasText(status);
        for (String event : events) {
            assertThat(share.getByText(event, new Locator.GetByTextOptions().setExact(false))
                            .first())
                    .isVisible();
        }
        Chromium.screenshot(page, "provider-10-share-status");
    }

    /** Longer expiry, then a new access code, shown once in a dialog. */
    void extendAndRegenerate(LocalDate newExpiry) {
        Locator share = page.locator("article.share");
        share.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change expiry"))
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Available until").fill(newExpiry.toString());
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save expiry"))
                .click();
        assertThat(share.getByText("Expiry changed.")).isVisible();
        page.onceDialog(d -> d.accept());
        share.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("New access code"))
                .click();
        assertThat(dialog.getByLabel("Access code")).hasValue(Pattern.compile("[2-9A-Z]{5}-[2-9A-Z]{5}"));
        Chromium.screenshot(page, "provider-11-new-access-code");
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
    }

    void revokeShare() {
        page.onceDialog(d -> d.accept());
        button("Revoke").click();
        assertThat(page.locator("article.share .badge")).hasText("Revoked");
        Chromium.screenshot(page, "provider-12-share-revoked");
    }

    /** The list of documents, on a desktop and on a phone. */
    void documentsList(String title) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Documents"))
                .click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)))
                .isVisible();
        assertThat(page.getByText("1 file", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        Chromium.screenshot(page, "provider-13-documents");
        page.setViewportSize(390, 844);
        Chromium.screenshot(page, "provider-14-documents-phone");
        page.setViewportSize(1280, 900);
    }

    void signOut() {
        button("Sign out").click();
        assertThat(heading("Sign in")).isVisible();
    }

    private Locator heading(String name) {
        return page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }
}
