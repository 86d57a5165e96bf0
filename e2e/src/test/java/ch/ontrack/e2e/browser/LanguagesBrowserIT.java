package ch.ontrack.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.e2e.Mailbox;
import ch.ontrack.e2e.SharedPlatform;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The main flow once per language, on browsers set to British English: the provider switches the
 * app to the language and keeps a client who reads it; the e-mail and the link's first page follow
 * the client's language. Every main screen is saved (target/screenshots/lang-*) and must show no
 * English message where the language has its own; German, the longest, is also shot on a phone.
 */
class LanguagesBrowserIT extends BrowserTest {

    static final byte[] PDF = SamplePdf.bytes("Jahresabschluss 2025");
    static final Map<String, String> MAIL_SUBJECT = Map.of(
            "de",
            "Dokument von «Treuhand Muster AG» über OC Platform",
            "fr",
            "Document de «Treuhand Muster AG» via OC Platform",
            "it",
            "Documento da «Treuhand Muster AG» tramite OC Platform",
            "en",
            "Document from “Treuhand Muster AG” via OC Platform");
    static final Map<String, String> ONE_FILE =
            Map.of("de", "(1 Datei)", "fr", "(1 fichier)", "it", "(1 file)", "en", "(1 file)");

    Catalogue providerEn = Catalogue.of("provider-frontend", "en");
    Catalogue clientEn = Catalogue.of("client-frontend", "en");

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "it", "en"})
    void providerSendsAndClientOpensUnlocksAndDownloadsInTheirLanguage(String language) throws Exception {
        Catalogue p = Catalogue.of("provider-frontend", language);
        Catalogue c = Catalogue.of("client-frontend", language);
        chromium.expectFailedRequest(401, "/api/auth/me");
        String clientEmail = "client-" + language + "-" + UUID.randomUUID() + "@example.ch";
        String title = "Jahresabschluss 2025 (" + language + ")";

        BrowserContext providerDevice = chromium.person(1280, 900);
        Page provider = providerDevice.newPage();
        Screens screens = new Screens(provider, language);
        provider.navigate(platform.providerUrl().toString());
        assertThat(heading(provider, providerEn.get("signInTitle"))).isVisible();
        provider.getByLabel(providerEn.get("language")).selectOption(language);
        assertThat(heading(provider, p.get("signInTitle"))).isVisible();
        screens.check("provider-01-sign-in", p, providerEn);

        provider.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(p.get("signInToSignUp")))
                .click();
        provider.getByLabel(p.get("organisation")).fill("Treuhand Muster AG");
        String providerEmail = "provider-" + UUID.randomUUID() + "@example.ch";
        provider.getByLabel(p.get("email"), new Page.GetByLabelOptions().setExact(true))
                .fill(providerEmail);
        provider.getByLabel(p.get("password"), new Page.GetByLabelOptions().setExact(true))
                .fill("zu kurz");
        button(provider, p.get("signUpSubmit")).click();
        assertThat(provider.getByText(p.get("errPasswordShort"))).isVisible();
        screens.check("provider-02-sign-up", p, providerEn);
        provider.getByLabel(p.get("password"), new Page.GetByLabelOptions().setExact(true))
                .fill("Alpenrose Velo Kaffee 42");
        button(provider, p.get("signUpSubmit")).click();
        assertThat(heading(provider, p.get("documentsTitle"))).isVisible();
        screens.check("provider-03-documents-empty", p, providerEn);
        provider.navigate(platform.providerUrl() + "/verify-email#"
                + platform.awaitMailedToken(providerEmail, "/verify-email", java.time.Duration.ofSeconds(30)));
        assertThat(heading(provider, p.get("verifyTitle"))).isVisible();
        provider.navigate(platform.providerUrl() + "/documents");
        assertThat(heading(provider, p.get("documentsTitle"))).isVisible();

        provider.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(p.get("navClients")))
                .click();
        button(provider, p.get("clientAdd")).click();
        Locator dialog = provider.getByRole(AriaRole.DIALOG);
        dialog.getByLabel(p.get("clientName")).fill("Chiara Muster");
        dialog.getByLabel(p.get("clientEmail"), new Locator.GetByLabelOptions().setExact(true))
                .fill(clientEmail);
        assertThat(dialog.getByLabel(p.get("clientLanguage"), new Locator.GetByLabelOptions().setExact(true)))
                .hasValue(language);
        screens.check("provider-04-client-dialog", p, providerEn);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(p.get("save")))
                .click();
        assertThat(provider.getByText(p.get("clientSaved"))).isVisible();
        screens.check("provider-05-clients", p, providerEn);

        provider.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(p.get("navDocuments")))
                .click();
        provider.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(p.get("documentNew")))
                .click();
        provider.getByLabel(p.get("documentTitle")).fill(title);
        provider.getByLabel(p.get("documentMessage")).fill("Grüezi, hier ist der Abschluss.");
        button(provider, p.get("editorCreate")).click();
        assertThat(heading(provider, p.get("editorEditTitle"))).isVisible();
        provider.getByLabel(p.get("editorChooseFile"))
                .setInputFiles(new FilePayload("abschluss.pdf", "application/pdf", PDF));
        assertThat(provider.getByText(p.format("editorUploaded", "name", "abschluss.pdf")))
                .isVisible();
        screens.check("provider-06-editor", p, providerEn);
        provider.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(p.get("editorDone")))
                .click();
        assertThat(heading(provider, title)).isVisible();
        screens.check("provider-07-document", p, providerEn);

        button(provider, p.get("detailSend")).click();
        dialog.getByLabel(p.get("sendClient"), new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setIndex(1));
        screens.check("provider-08-send", p, providerEn);
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions()
                                .setName(p.get("sendSubmit"))
                                .setExact(true))
                .click();
        Locator codeField = dialog.getByLabel(p.get("sentCode"), new Locator.GetByLabelOptions().setExact(true));
        assertThat(codeField).isVisible();
        screens.check("provider-09-sent", p, providerEn);
        String link = dialog.getByLabel(p.get("sentLink"), new Locator.GetByLabelOptions().setExact(true))
                .inputValue();
        String code = codeField.inputValue();
        provider.keyboard().press("Escape");

        JsonNode mail = Mailbox.awaitMessageTo(
                        platform, SharedPlatform.httpClient(), clientEmail, Duration.ofSeconds(60))
                .orElseThrow();
        assertThat(mail.get("subject").asString()).isEqualTo(MAIL_SUBJECT.get(language));
        assertThat(mail.get("body").asString())
                .contains(link, ONE_FILE.get(language), title)
                .doesNotContain(code);
        String html = mail.get("html").asString();
        assertThat(html)
                .as("the HTML part of the e-mail")
                .contains("lang=\"" + language + "\"", "href=\"" + link + "\"", ONE_FILE.get(language))
                .doesNotContain(code);
        if (!language.equals("en")) {
            assertThat(mail.get("body").asString()).doesNotContain("You need an access code");
            assertThat(html).doesNotContain("You need an access code");
        }

        // The client's browser is British English, yet the link opens in the language the provider chose.
        BrowserContext clientDevice = chromium.person(1280, 900);
        Page client = clientDevice.newPage();
        Screens clientScreens = new Screens(client, language);
        client.navigate(link);
        assertThat(heading(client, c.get("unlockTitle"))).isVisible();
        assertThat(client.locator("html")).hasAttribute("lang", language);
        clientScreens.check("client-01-unlock", c, clientEn);
        client.getByLabel(c.get("unlockCode"), new Page.GetByLabelOptions().setExact(true))
                .fill(code);
        button(client, c.get("unlockSubmit")).click();
        assertThat(heading(client, title)).isVisible();
        assertThat(client.getByText(c.format("docFrom", "provider", "Treuhand Muster AG")))
                .isVisible();
        assertThat(client.getByText(c.get("typePdf"), new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        clientScreens.check("client-02-document", c, clientEn);
        Download download = client.waitForDownload(() -> client.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(c.format("docDownloadLabel", "name", "abschluss.pdf")))
                .click());
        assertThat(Files.readAllBytes(download.path())).isEqualTo(PDF);

        Locator badge = provider.locator("article.share .badge");
        for (int i = 0; i < 60 && !p.get("stateDownloaded").equals(badge.textContent()); i++) {
            button(provider, p.get("shareRefresh")).click();
            provider.waitForTimeout(500);
        }
        assertThat(badge).hasText(p.get("stateDownloaded"));
        screens.check("provider-10-share-downloaded", p, providerEn);

        // Switched once, the provider app stays in the language on this device.
        provider.reload();
        assertThat(provider.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(p.get("navClients"))))
                .isVisible();
        assertThat(provider.locator("html")).hasAttribute("lang", language);
        assertThat(chromium.problems()).as("console errors and CSP violations").isEmpty();
        providerDevice.close();
        clientDevice.close();
    }

    /** Saves each main screen and checks that it shows no English message; German also on a phone. */
    record Screens(Page page, String language) {
        void check(String name, Catalogue shown, Catalogue english) {
            Chromium.screenshot(page, "lang-" + language + "-" + name);
            if (language.equals("de")) {
                var size = page.viewportSize();
                page.setViewportSize(390, 844);
                Chromium.screenshot(page, "lang-de-phone-" + name);
                assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no sideways scrolling on a phone: " + name)
                        .isTrue();
                page.setViewportSize(size.width, size.height);
            }
            if (!language.equals("en")) {
                String visible = page.locator("body").innerText() + "\n" + page.title();
                assertThat(shown.englishLeftovers(english, visible))
                        .as("English on " + name)
                        .isEmpty();
            }
        }
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }
}
