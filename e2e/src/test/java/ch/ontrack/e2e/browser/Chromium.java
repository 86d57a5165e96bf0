package ch.ontrack.e2e.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chromium driven by Playwright: the system's ({@link BrowserExecutable}), else Playwright's own where it
 * can be downloaded. Every page reports console errors and CSP violations, which the tests assert to be
 * empty.
 */
final class Chromium implements AutoCloseable {

    private static final List<String> FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");
    // Runs before the page's own code, outside its CSP (injected by the browser, not by the page).
    private static final String REPORT_CSP_VIOLATIONS = "document.addEventListener('securitypolicyviolation', e =>"
            + " console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));";

    private final Playwright playwright;
    private final Browser browser;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Predicate<ConsoleMessage>> expected = new ArrayList<>();

    Chromium() {
        Optional<Path> system = BrowserExecutable.find();
        BrowserType.LaunchOptions options =
                new BrowserType.LaunchOptions().setHeadless(true).setArgs(FLAGS);
        if (system.isPresent()) {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(options.setExecutablePath(system.get()));
            return;
        }
        try {
            playwright = Playwright.create(); // downloads its browser where the network allows
            browser = playwright.chromium().launch(options);
        } catch (RuntimeException e) {
            throw new IllegalStateException(BrowserExecutable.MISSING, e);
        }
    }

    /** A fresh profile (own cookies) as a person on their own device; the local CA is not installed in it. */
    BrowserContext person(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setIgnoreHTTPSErrors(true)
                .setViewportSize(width, height)
                .setAcceptDownloads(true)
                .setLocale("en-GB"));
        context.addInitScript(REPORT_CSP_VIOLATIONS);
        context.onPage(this::watch);
        return context;
    }

    /** Browsers log every 4xx answer; these are the ones the flow causes on purpose (e.g. a wrong code). */
    void expectFailedRequest(int status, String urlPart) {
        expected.add(m -> m.text().contains("status of " + status)
                && m.location() != null
                && m.location().contains(urlPart));
    }

    private void watch(Page page) {
        page.onConsoleMessage(m -> {
            System.out.println("[browser console] " + m.type() + ": " + m.text() + " (" + m.location() + ")");
            boolean csp =
                    m.text().contains("Content Security Policy") || m.text().startsWith("CSP violation");
            if ((m.type().equals("error") || csp) && expected.stream().noneMatch(e -> e.test(m))) {
                problems.add(m.type() + " on " + page.url() + ": " + m.text() + " (" + m.location() + ")");
            }
        });
        page.onPageError(e -> problems.add("uncaught on " + page.url() + ": " + e));
    }

    /** On failure: what every open page showed, and what the console said. */
    void captureFailure(String name) {
        int i = 0;
        for (BrowserContext context : browser.contexts()) {
            for (Page page : context.pages()) {
                screenshot(page, name + "-" + (++i));
            }
        }
        System.err.println("Browser console problems: " + problems);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    static void screenshot(Page page, String name) {
        // Failsafe runs in the module directory: e2e/target/screenshots, kept as a build artifact.
        Path file = Paths.get("target", "screenshots", name + ".png").toAbsolutePath();
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
