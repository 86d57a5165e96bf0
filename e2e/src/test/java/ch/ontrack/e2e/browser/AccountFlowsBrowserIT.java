package ch.ontrack.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.testing.Totp;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The account's own flows in the provider app: sign-up confirmed from the mail catcher, the account page,
 * two-factor enrolment and sign-in with a code computed here, a recovery code, the sessions, a forgotten
 * password, and deleting the account.
 */
class AccountFlowsBrowserIT extends BrowserTest {

    static final String PASSWORD = "Bergwanderung Zug 1291 Nebel";
    static final String NEW_PASSWORD = "a brand new passphrase 2026";

    @Test
    void anAccountFromSignUpToDeletion() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        chromium.expectFailedRequest(401, "/api/auth/me");
        BrowserContext device = chromium.person(1280, 900);
        Page page = device.newPage();
        String base = platform.providerUrl().toString();
        ProviderScreens screens = new ProviderScreens(page, base);

        // sign-up, a new link asked for, the newest link opened
        screens.signUp(email, PASSWORD, "Example Fiduciary");
        assertThat(page.getByTestId("verify-banner")).containsText("Until then you cannot send documents.");
        Chromium.screenshot(page, "account-01-verify-banner");
        String first = token(email, "/verify-email");
        button(page, "Send the link again").click();
        assertThat(page.getByText("A new link is on its way.")).isVisible();
        page.navigate(base + "/verify-email#" + newerToken(email, first));
        assertThat(page.getByText(email + " is confirmed. You can send documents now."))
                .isVisible();
        Chromium.screenshot(page, "account-02-email-confirmed");

        // the account page: organisation name
        page.navigate(base + "/account");
        assertThat(heading(page, "Account")).isVisible();
        page.locator("#organisation").fill("Example Fiduciary Ltd");
        page.locator("section[aria-labelledby=organisation-title]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByText("Saved.")).isVisible();
        Chromium.screenshot(page, "account-03-account-page");

        // two-factor enrolment: the password again, QR code, a code computed from the shown key, ten recovery codes
        page.locator("#two-factor-setup-password").fill("not the password");
        chromium.expectFailedRequest(403, "/api/auth/two-factor/setup");
        button(page, "Set up two-factor sign-in").click();
        assertThat(page.getByText("The password is wrong.")).isVisible();
        page.locator("#two-factor-setup-password").fill(PASSWORD);
        button(page, "Set up two-factor sign-in").click();
        assertThat(page.getByRole(
                        AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code for your authenticator app")))
                .isVisible();
        String secret = page.getByTestId("totp-secret").textContent().strip();
        Chromium.screenshot(page, "account-04-two-factor-setup");
        page.getByLabel("Code from the app").fill(Totp.code(secret, 0));
        button(page, "Turn on").click();
        assertThat(page.getByText("Two-factor sign-in is on.")).isVisible();
        List<String> recovery = page.getByTestId("recovery-codes").locator("li").allTextContents();
        assertThat(recovery).hasSize(10);
        Chromium.screenshot(page, "account-05-recovery-codes");

        // sign in again: the password, then a code
        page.navigate(base + "/documents");
        screens.signOut();
        signIn(page, email, PASSWORD);
        assertThat(heading(page, "Two-factor sign-in")).isVisible();
        Chromium.screenshot(page, "account-06-second-factor");
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(Totp.code(secret, 1));
        button(page, "Confirm").click();
        assertThat(heading(page, "Documents")).isVisible();

        // a second device signs in with a recovery code; the first sees both sessions and ends the other
        BrowserContext other = chromium.person(1024, 768);
        Page second = other.newPage();
        signIn(second, email, PASSWORD);
        second.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(recovery.get(0));
        button(second, "Confirm").click();
        assertThat(heading(second, "Documents")).isVisible();
        page.navigate(base + "/account");
        assertThat(page.getByTestId("session")).hasCount(2);
        assertThat(page.getByTestId("session").first()).containsText("this browser");
        Chromium.screenshot(page, "account-07-sessions");
        // signing the other device out needs the password
        assertThat(button(page, "Sign out everywhere else")).isDisabled();
        page.locator("#sessions-password").fill(PASSWORD);
        button(page, "Sign out everywhere else").click();
        assertThat(page.getByTestId("session")).hasCount(1);
        chromium.expectFailedRequest(401, "/api/");
        second.reload();
        assertThat(heading(second, "Sign in")).isVisible();

        // a recovery code works once
        signIn(second, email, PASSWORD);
        second.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(recovery.get(0));
        chromium.expectFailedRequest(403, "/api/auth/login/second-factor");
        button(second, "Confirm").click();
        assertThat(second.getByRole(AriaRole.ALERT)).containsText("The code is wrong.");

        // a forgotten password: the link from the mail catcher, then every session ends
        Page forgot = other.newPage();
        forgot.navigate(base + "/signin");
        forgot.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?"))
                .click();
        forgot.getByLabel("E-mail").fill(email);
        button(forgot, "Send link").click();
        assertThat(forgot.getByText("If an account has this address")).isVisible();
        Chromium.screenshot(forgot, "account-08-forgot-password");
        forgot.navigate(base + "/reset-password#" + token(email, "/reset-password"));
        forgot.getByLabel("New password").fill(NEW_PASSWORD);
        Chromium.screenshot(forgot, "account-09-reset-password");
        button(forgot, "Save new password").click();
        assertThat(forgot.getByText("Your password is changed and every session of your account has ended."))
                .isVisible();
        page.reload();
        assertThat(heading(page, "Sign in")).isVisible();

        // deleting the account needs the password and a code
        signIn(page, email, NEW_PASSWORD);
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(recovery.get(1));
        button(page, "Confirm").click();
        assertThat(heading(page, "Documents")).isVisible();
        // the activity log holds what happened, filtered by kind
        page.navigate(base + "/activity");
        assertThat(heading(page, "Activity")).isVisible();
        Locator rows = page.locator("tbody tr");
        for (String done :
                List.of("Signed in", "Two-step sign-in turned on", "Signed out everywhere", "Password reset")) {
            assertThat(rows.filter(new Locator.FilterOptions().setHasText(done)).first())
                    .isVisible();
        }
        Chromium.screenshot(page, "account-11-activity");
        page.locator("#activity-type").selectOption(new SelectOption().setLabel("Password reset"));
        button(page, "Show").click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("Password reset");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as CSV")))
                .isVisible();

        page.navigate(base + "/account");
        page.locator("#delete-password").fill(NEW_PASSWORD);
        page.locator("#delete-code").fill(recovery.get(2));
        Chromium.screenshot(page, "account-10-delete");
        page.onceDialog(d -> d.accept());
        button(page, "Delete account").click();
        assertThat(heading(page, "Sign in")).isVisible();
        chromium.expectFailedRequest(401, "/api/auth/login");
        signIn(page, email, NEW_PASSWORD);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("E-mail or password is wrong.");

        assertThat(chromium.problems()).as("console errors and CSP violations").isEmpty();
    }

    private static String token(String email, String path) {
        return platform.awaitMailedToken(email, path, Duration.ofSeconds(30));
    }

    /** The verification link mailed after {@code older} (mails go out in the background, so wait for it). */
    private static String newerToken(String email, String older) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String newest = token(email, "/verify-email");
        while (newest.equals(older) && System.nanoTime() < deadline) {
            newest = token(email, "/verify-email");
        }
        assertThat(newest).as("a second verification mail").isNotEqualTo(older);
        return newest;
    }

    private static void signIn(Page page, String email, String password) {
        page.navigate(platform.providerUrl() + "/signin");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button(page, "Sign in").click();
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
