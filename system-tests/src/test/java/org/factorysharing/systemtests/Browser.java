package org.factorysharing.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.factorysharing.testing.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a browser: Debian's chromium, headless, driven through Debian's chromedriver (Selenium Manager cannot
 * download drivers here, and must not). Steps find fields by their visible label and buttons and links by their
 * text, as a person does, so a page whose field has no label cannot be filled. {@link #shot} saves a screenshot of
 * each step under target/screenshots/&lt;walk&gt;/ as a test artifact.
 */
public final class Browser implements AutoCloseable {

    /** How a page test finds the browser; override with -Dfs.test.chromium=... and -Dfs.test.chromedriver=... */
    static final Path CHROMIUM = Path.of(System.getProperty("fs.test.chromium", "/usr/bin/chromium"));

    static final Path CHROMEDRIVER = Path.of(System.getProperty("fs.test.chromedriver", "/usr/bin/chromedriver"));

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A phone of the smallest common width. */
    public static final Dimension PHONE = new Dimension(360, 780);

    public static final Dimension DESKTOP = new Dimension(1280, 900);

    private final WebDriver driver;
    private final String base;
    private final Path screenshots;
    private final AtomicInteger step = new AtomicInteger();

    private Browser(int port, String walk, Dimension size, String language) {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--lang=" + language,
                "--window-size=" + size.width + "," + size.height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        this.base = "http://localhost:" + port;
        this.screenshots = Path.of("target", "screenshots", walk);
    }

    /** A desktop browser whose language setting is Indonesian (the default the pages must speak). */
    public static Browser desktop(int port, String walk) {
        return new Browser(port, walk, DESKTOP, "id-ID");
    }

    /** A 360 px wide phone, Indonesian. */
    public static Browser phone(int port, String walk) {
        // headless chromium keeps a window at least 500 px wide: the page is laid out at 360 px by emulation
        return new Browser(port, walk, PHONE, "id-ID").emulatePhoneScreen();
    }

    /** A desktop browser whose language setting prefers English (Accept-Language: en). */
    public static Browser englishDesktop(int port, String walk) {
        return new Browser(port, walk, DESKTOP, "en-GB");
    }

    /** Fails with one line saying how to get the browser: page tests are never skipped silently. */
    public static void requireBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("No browser for the page tests at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install Debian's chromium and chromium-driver (sudo apt-get install -y chromium"
                    + " chromium-driver) or set -Dfs.test.chromium and -Dfs.test.chromedriver");
        }
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in through the login page with the demo password of the tests. */
    public Browser signIn(String user) {
        return signIn(user, TestData.PASSWORD);
    }

    public Browser signIn(String user, String password) {
        open("/login");
        WebElement form = driver.findElement(By.cssSelector("form[action$='/login']"));
        form.findElement(By.name("username")).sendKeys(user);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntilLoaded();
        return this;
    }

    /** Signs out through the header's button. */
    public Browser signOut() {
        driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        waitUntilLoaded();
        return this;
    }

    /** Types into the field whose label reads {@code label} (the label's text, without its hints). */
    public Browser fill(String label, String value) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public Browser choose(String label, String visibleOption) {
        new Select(field(label)).selectByVisibleText(visibleOption);
        return this;
    }

    /**
     * Sets the date field labelled {@code label} to {@code day} as a date picker would (typing into a date field
     * depends on the browser's language), and tells the page it changed.
     */
    public Browser fillDate(String label, java.time.LocalDate day) {
        script(
                "arguments[0].value = arguments[1];"
                        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field(label),
                day.toString());
        return this;
    }

    /** Chooses {@code visibleOption} once the select labelled {@code label} offers it (after an htmx swap). */
    public Browser chooseWhenOffered(String label, String visibleOption) {
        new WebDriverWait(driver, PATIENCE)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "no option '" + visibleOption + "' in '" + label + "' on " + driver.getCurrentUrl())
                .until(d -> new Select(field(label))
                        .getOptions().stream().anyMatch(o -> o.getText().trim().equals(visibleOption)));
        return choose(label, visibleOption);
    }

    /** Follows the first link whose text contains {@code text} (a card reading a task's name and subject). */
    public Browser followContaining(String text) {
        driver.findElement(By.partialLinkText(text)).click();
        waitUntilLoaded();
        return this;
    }

    /** Ticks the checkbox or radio button labelled {@code label}. */
    public Browser tick(String label) {
        WebElement box = field(label);
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** Picks a file for the file field labelled {@code label}. */
    public Browser attach(String label, Path file) {
        field(label).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** The form field a {@code <label>} with that text points at (for=...), or wraps. */
    public WebElement field(String label) {
        for (WebElement candidate : driver.findElements(By.tagName("label"))) {
            if (!labelText(candidate).equals(label)) {
                continue;
            }
            String target = candidate.getDomAttribute("for");
            if (target != null) {
                return driver.findElement(By.id(target));
            }
            return candidate.findElement(By.cssSelector("input, select, textarea"));
        }
        throw new NoSuchElementException("no field labelled '" + label + "' on " + driver.getCurrentUrl() + "; labels: "
                + driver.findElements(By.tagName("label")).stream()
                        .map(this::labelText)
                        .toList());
    }

    /** A label's own words: its first line, without the hint or required-mark spans it may hold. */
    private String labelText(WebElement label) {
        String own = (String) ((JavascriptExecutor) driver)
                .executeScript(
                        "return Array.from(arguments[0].childNodes).filter(n => n.nodeType === 3)"
                                + ".map(n => n.textContent).join('').trim();",
                        label);
        return own == null || own.isBlank() ? label.getText().trim() : own.replaceAll("\\s+", " ");
    }

    /** Clicks the button (or submit input) reading {@code text}; waits for the next page or htmx swap. */
    public Browser press(String text) {
        WebElement button = driver.findElements(By.cssSelector("button, input[type=submit]")).stream()
                .filter(WebElement::isDisplayed)
                .filter(candidate ->
                        text.equals(candidate.getText().trim()) || text.equals(candidate.getDomAttribute("value")))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no button '" + text + "' on " + driver.getCurrentUrl()
                        + "; buttons: "
                        + driver.findElements(By.tagName("button")).stream()
                                .map(WebElement::getText)
                                .toList()));
        clickAndWait(button);
        return this;
    }

    /**
     * Clicks the button reading {@code text} and accepts the question the page asks before it sends its form
     * ({@code form[data-confirm]}); waits for the next page.
     */
    public Browser pressConfirming(String text) {
        WebElement button = driver.findElements(By.cssSelector("button, input[type=submit]")).stream()
                .filter(WebElement::isDisplayed)
                .filter(candidate ->
                        text.equals(candidate.getText().trim()) || text.equals(candidate.getDomAttribute("value")))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no button '" + text + "' on " + driver.getCurrentUrl()));
        return clickConfirming(button);
    }

    /** Clicks an element (a button of one row among many) and waits for the next page or htmx swap. */
    public Browser click(By by) {
        clickAndWait(driver.findElement(by));
        return this;
    }

    /** Clicks an element whose form asks first ({@code form[data-confirm]}), accepts, and waits for the next page. */
    public Browser clickConfirming(By by) {
        return clickConfirming(driver.findElement(by));
    }

    private Browser clickConfirming(WebElement button) {
        WebElement page = watchForNextPage();
        button.click();
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.alertIsPresent())
                .accept();
        awaitNextPage(page);
        return this;
    }

    /** Follows the link reading {@code text}. */
    public Browser follow(String text) {
        clickAndWait(driver.findElement(By.linkText(text)));
        return this;
    }

    /** Waits until the page's text holds {@code text} (after a redirect, a projection catching up, a swap). */
    public Browser awaitText(String text) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "'" + text + "' on " + driver.getCurrentUrl() + ", page reads: " + text())
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        return this;
    }

    /**
     * Reloads the page until its text holds {@code text}: read models follow the events, so a page opened just after
     * an action may show the state before it for a moment (as a person would press reload).
     */
    public Browser reloadUntil(String text) {
        return reloadUntil(text, () -> text().contains(text));
    }

    /**
     * Reloads the page until the element found by {@code by} reads {@code text}: one read model may show an action
     * before another one on the same page does.
     */
    public Browser reloadUntil(By by, String text) {
        return reloadUntil(
                text + " in " + by,
                () -> findAll(by).stream().anyMatch(e -> e.getText().trim().equals(text)));
    }

    private Browser reloadUntil(String what, java.util.function.BooleanSupplier shown) {
        new WebDriverWait(driver, PATIENCE)
                .pollingEvery(Duration.ofMillis(500))
                .withMessage(() -> "'" + what + "' on " + driver.getCurrentUrl() + ", page reads: " + text())
                .until(d -> {
                    if (shown.getAsBoolean()) {
                        return true;
                    }
                    d.navigate().refresh();
                    waitUntilLoaded();
                    return false;
                });
        return this;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public String language() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Runs a script in the page, for what a person sees but Selenium cannot ask directly (layout widths). */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Lays pages out at exactly {@link #PHONE}'s size: headless chromium keeps its window at least 500 px wide, so a
     * window of 360 px alone is not a 360 px screen. Holds for the rest of this browser's life.
     */
    public Browser emulatePhoneScreen() {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", PHONE.width, "height", PHONE.height, "deviceScaleFactor", 1, "mobile", true));
        return this;
    }

    /** The width the page is laid out in, in CSS pixels. */
    public long viewportWidth() {
        return ((Number) script("return window.innerWidth;")).longValue();
    }

    /** Whether the page scrolls sideways (it must not, on a phone). */
    public boolean overflowsHorizontally() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    /** Saves a screenshot of this step as target/screenshots/&lt;walk&gt;/&lt;nn&gt;-&lt;step&gt;.png. */
    public Browser shot(String stepName) {
        try {
            Files.createDirectories(screenshots);
            Path png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            String name =
                    String.format("%02d-%s.png", step.incrementAndGet(), stepName.replaceAll("[^a-zA-Z0-9-]", "-"));
            Files.copy(png, screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(png);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Clicks, then waits for the page the click loads or the htmx swap it starts. */
    private void clickAndWait(WebElement element) {
        WebElement page = watchForNextPage();
        element.click();
        awaitNextPage(page);
    }

    /** The page now shown, and a flag the page sets when htmx starts a request. */
    private WebElement watchForNextPage() {
        ((JavascriptExecutor) driver)
                .executeScript("window.fsRequestStarted = false;"
                        + "document.addEventListener('htmx:beforeRequest', function () {"
                        + " window.fsRequestStarted = true; }, {once: true});");
        return driver.findElement(By.tagName("html"));
    }

    /**
     * Until a click has taken effect, the page it was made on still reads as loaded: wait until that page is gone or
     * htmx has started a request, then until the result has loaded. A click that sends nothing (the browser's own
     * check of a field refused it) goes on after a few seconds.
     */
    private void awaitNextPage(WebElement page) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3))
                    .ignoring(JavascriptException.class)
                    .until(d -> gone(page)
                            || Boolean.TRUE.equals(((JavascriptExecutor) d)
                                    .executeScript("return window.fsRequestStarted === true;")));
        } catch (TimeoutException nothingSent) {
            // the page stayed as it was
        }
        waitUntilLoaded();
    }

    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (WebDriverException leaving) {
            // stale, or (Chromium, mid-navigation) "node with given id does not belong to the document"
            return true;
        }
    }

    private void waitUntilLoaded() {
        new WebDriverWait(driver, PATIENCE)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                        && Boolean.TRUE.equals(((JavascriptExecutor) d)
                                .executeScript("return !document.querySelector('.htmx-request');")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
