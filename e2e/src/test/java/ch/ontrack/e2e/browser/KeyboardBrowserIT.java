package ch.ontrack.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Someone without a mouse: Tab, Enter and Escape only; focus is always visible and never lost. */
class KeyboardBrowserIT extends BrowserTest {

    @Test
    void aProviderSignsUpAndManagesClientsWithTheKeyboardAlone() {
        chromium.expectFailedRequest(401, "/api/auth/me");
        Page page = chromium.person(1280, 900).newPage();
        page.navigate(platform.providerUrl() + "/signup");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Create an account")))
                .isVisible();

        tabTo(page, "Organisation");
        page.keyboard().type("Keyboard Fiduciary");
        page.keyboard().press("Tab");
        page.keyboard().type("keys-" + UUID.randomUUID() + "@example.com");
        page.keyboard().press("Tab");
        page.keyboard().type("Alpenrose Velo Kaffee 42");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Documents").setLevel(1)))
                .isVisible();

        tabTo(page, "Clients");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Clients").setLevel(1)))
                .isVisible();
        tabTo(page, "Add client");
        page.keyboard().press("Enter");
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        // Focus moves into the dialog, and back to the button that opened it when Escape closes it.
        assertThat(dialog.getByLabel("Name")).isFocused();
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add client")))
                .isFocused();

        page.keyboard().press("Enter");
        assertThat(dialog.getByLabel("Name")).isFocused();
        page.keyboard().type("Kim Keys");
        page.keyboard().press("Tab");
        page.keyboard().type("kim@example.com");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(
                        AriaRole.CELL,
                        new Page.GetByRoleOptions().setName("Kim Keys").setExact(true)))
                .isVisible();
        Chromium.screenshot(page, "provider-15-keyboard-focus");
        assertThat(chromium.problems()).as("console errors and CSP violations").isEmpty();
    }

    /** Presses Tab until the element with this accessible name has focus, checking its focus ring. */
    static void tabTo(Page page, String name) {
        for (int i = 0; i < 30; i++) {
            page.keyboard().press("Tab");
            if (name.equals(focused(page))) {
                Object outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
                assertThat(outline).as("visible focus on " + name).isNotEqualTo("none");
                return;
            }
        }
        throw new AssertionError("Tab never reached " + name + "; focus is on " + focused(page));
    }

    /** The accessible name of the focused element: its label, its aria-label or its text. */
    static String focused(Page page) {
        return (String) page.evaluate("() => { const e = document.activeElement;"
                + " if (!e) return '';"
                + " if (e.labels && e.labels.length) return e.labels[0].textContent.trim();"
                + " return (e.getAttribute('aria-label') || e.textContent || '').trim(); }");
    }
}
