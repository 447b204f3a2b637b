package dev.reviewgate.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.reviewgate.config.Settings;
import dev.reviewgate.net.Cidr;
import dev.reviewgate.net.NetworkPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the browser suites: the real server (SQLite) and Debian's Chromium driven by
 * Playwright. No browser is downloaded; {@code /usr/bin/chromium} (or {@code CHROMIUM_PATH}) is used.
 * Each test gets a fresh browser context (no cookies), viewport 1280×800.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    protected static final String ADMIN = "admin@example.com";
    protected static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    protected TestServer server;
    protected Api api;
    private Playwright playwright;
    private Browser browser;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    void startServerAndBrowser() {
        NetworkPolicy loopbackOnly = new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32")));
        Settings settings = TestServer.settings(
                TestDatabase.SQLITE.newDatabaseUrl(),
                Settings.DEFAULT_MAX_BODY_BYTES,
                loopbackOnly,
                Duration.ofSeconds(2));
        server = TestServer.start(settings(settings), InstantSource.system());
        api = server.api();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(chromium))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run",
                                "--disable-sync")));
    }

    /** The server's settings; a suite that signs in another way (single sign-on) changes them here. */
    protected Settings settings(Settings standard) {
        return standard;
    }

    @AfterAll
    void stopServerAndBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        page = context.newPage();
        page.setDefaultTimeout(10_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected String url(String path) {
        return server.baseUrl() + path;
    }

    /** Signs in through the login form, as a person would. */
    protected void signIn() {
        signIn(ADMIN, TestServer.ADMIN_PASSWORD);
    }

    /** Signs in as another user (created with a password through {@code POST /v1/users}). */
    protected void signIn(String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/inbox");
    }

    /** Writes a screenshot to docs/screenshots/ (shown in the README). */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
