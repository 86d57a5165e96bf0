package ch.ontrack.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole flow in a real browser, as two people on two devices: a provider signs up, keeps a
 * client, creates a document with a PDF and sends it; the client opens the link, mistypes the code,
 * enters it, previews and downloads the PDF; the provider sees it viewed and downloaded.
 */
class DocumentFlowBrowserIT extends BrowserTest {

    static final byte[] PDF = SamplePdf.bytes("Annual accounts 2025");

    @Test
    void providerSendsAPdfThatTheClientPreviewsAndDownloads() throws Exception {
        String providerEmail = "provider-" + UUID.randomUUID() + "@example.com";
        // Before sign-in the app asks who is signed in; the 401 answer is how it learns "nobody".
        chromium.expectFailedRequest(401, "/api/auth/me");
        chromium.expectFailedRequest(403, "/unlock");

        BrowserContext providerDevice = chromium.person(1280, 900);
        Page provider = providerDevice.newPage();
        ProviderScreens screens =
                new ProviderScreens(provider, platform.providerUrl().toString());
        screens.signUp(providerEmail, "Alpenrose Velo Kaffee 42", "Example Fiduciary");
        screens.verifyEmail(platform.awaitMailedToken(providerEmail, "/verify-email", Duration.ofSeconds(30)));
        screens.addClient("Alex Example", "alex-" + UUID.randomUUID() + "@example.com");
        screens.editAndDeleteClient("Sam Temp", "sam-" + UUID.randomUUID() + "@example.com", "Sam Temporary");
        screens.createDocument(
                "Annual accounts 2025",
                "Dear Alex,\nhere are your accounts. <b>Not bold</b>.",
                new FilePayload("accounts.pdf", "application/pdf", PDF));
        ProviderScreens.Sent sent = screens.send("Alex Example");
        assertThat(sent.link()).startsWith(platform.clientUrl() + "/s/");
        assertThat(sent.code()).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");

        BrowserContext clientDevice = chromium.person(1280, 900);
        Page client = clientDevice.newPage();
        client.navigate(sent.link());
        assertThat(client.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("A document was sent to you")))
                .isVisible();
        Chromium.screenshot(client, "client-01-enter-code");

        client.getByLabel("Access code").fill(wrongCode(sent.code()));
        client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open document"))
                .click();
        assertThat(client.getByRole(AriaRole.ALERT)).containsText("4 attempts left");
        Chromium.screenshot(client, "client-02-wrong-code");

        client.getByLabel("Access code").fill(sent.code().toLowerCase());
        client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open document"))
                .click();
        assertThat(client.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Annual accounts 2025")))
                .isVisible();
        assertThat(client.getByText("From Example Fiduciary")).isVisible();
        // The message is text: markup typed by the sender stays visible as typed.
        assertThat(client.locator(".message-text")).containsText("<b>Not bold</b>");
        assertThat(client.locator(".message-text b")).hasCount(0);
        assertThat(client.getByText("PDF document")).isVisible();
        Chromium.screenshot(client, "client-03-document");

        client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview accounts.pdf"))
                .click();
        Locator frame = client.locator("iframe.preview__frame");
        assertThat(frame).isVisible();
        waitForPdfViewer(client);
        Chromium.screenshot(client, "client-04-pdf-preview");

        Download download = client.waitForDownload(
                () -> client.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download accounts.pdf"))
                        .click());
        assertThat(download.suggestedFilename()).isEqualTo("accounts.pdf");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(PDF);

        client.setViewportSize(390, 844);
        Chromium.screenshot(client, "client-05-document-phone");

        screens.expectShareStatus("Downloaded", "Viewed", "Downloaded accounts.pdf", "Wrong access code entered");

        screens.extendAndRegenerate(LocalDate.now().plusDays(30));
        screens.revokeShare();
        client.reload();
        assertThat(client.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link was withdrawn")))
                .isVisible();
        Chromium.screenshot(client, "client-06-withdrawn");

        chromium.expectFailedRequest(404, "/api/shares/");
        client.navigate(platform.clientUrl() + "/s/" + "x".repeat(43));
        assertThat(client.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link is not known")))
                .isVisible();
        Chromium.screenshot(client, "client-07-unknown-link");

        screens.documentsList("Annual accounts 2025");
        screens.signOut();
        assertThat(chromium.problems()).as("console errors and CSP violations").isEmpty();
    }

    /**
     * Chromium's PDF viewer runs in its own frame inside the iframe; its page selector appears once
     * the document is loaded and laid out, so the screenshot shows the rendered page.
     */
    static void waitForPdfViewer(Page page) {
        page.waitForCondition(() -> viewer(page) != null);
        viewer(page).locator("viewer-page-selector").first().waitFor();
    }

    private static Frame viewer(Page page) {
        return page.frames().stream()
                .filter(f -> f.url().startsWith("chrome-extension://"))
                .findFirst()
                .orElse(null);
    }

    static String wrongCode(String code) {
        char first = code.charAt(0) == 'A' ? 'B' : 'A';
        return first + code.substring(1);
    }
}
