package ch.ontrack.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.deploy.images.SharedContainers;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The browser flow against the four containers (with the end-to-end tests' browser helpers): sign in, send,
 * open the link, unlock, download.
 */
class ContainerBrowserIT {

    @Test
    void providerSendsAPdfThatTheClientUnlocksAndDownloadsFromTheContainers() throws Exception {
        String provider = SharedContainers.providerUrl().toString();
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        try (Chromium chromium = new Chromium()) {
            chromium.expectFailedRequest(401, "/api/auth/me");
            Page page = chromium.person(1280, 900).newPage();
            ProviderScreens screens = new ProviderScreens(page, provider);
            screens.signUp("images-" + UUID.randomUUID() + "@example.com", "Alpenrose Velo Kaffee 42", "Image Test");
            screens.addClient("Alex Example", "alex-" + UUID.randomUUID() + "@example.com");
            screens.createDocument(
                    "Accounts",
                    "From the containers.",
                    new FilePayload("accounts.pdf", "application/pdf", DocumentFlowBrowserIT.PDF));
            ProviderScreens.Sent sent = screens.send("Alex Example");
            assertThat(sent.link()).startsWith(SharedContainers.clientUrl() + "/s/");

            Page client = chromium.person(1280, 900).newPage();
            client.navigate(sent.link());
            client.getByLabel("Access code").fill(sent.code());
            client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open document"))
                    .click();
            assertThat(client.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Accounts")))
                    .isVisible();
            Download download = client.waitForDownload(
                    () -> client.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download accounts.pdf"))
                            .click());
            assertThat(Files.readAllBytes(download.path())).isEqualTo(DocumentFlowBrowserIT.PDF);
            assertThat(chromium.problems())
                    .as("console errors and CSP violations")
                    .isEmpty();
        }
    }
}
