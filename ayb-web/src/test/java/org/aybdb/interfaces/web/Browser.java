package org.aybdb.interfaces.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a profile
 * and download folder of its own, driven through Selenium. A machine without them fails the test
 * with a message saying what to install: these tests are never skipped.
 *
 * <p>Starting Chromium and ChromeDriver takes seconds on a busy machine, so {@link #start} hands
 * out a browser that an earlier test closed, once it is reset to what a new one would be: no
 * cookies, no storage or cache of the server's origin, nothing downloaded, the wide window, a blank
 * page. One that cannot be reset is quit and not handed out again. The idle ones quit when the JVM
 * exits.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM =
      Path.of(System.getProperty("ayb.test.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("ayb.test.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS =
      Path.of(System.getProperty("ayb.test.screenshots", "target/screenshots"));
  static final Path AXE =
      Path.of(System.getProperty("ayb.test.axe", "target/axe/node_modules/axe-core/axe.min.js"));

  /** The widths every page is captured and checked at: a laptop and a phone. */
  static final int WIDE = 1366;

  static final int PHONE = 390;

  /**
   * How often a wait checks its condition. Selenium's default, 500 ms, made every step that waits
   * for an Ajax update take half a second more than the update did.
   */
  private static final Duration POLL = Duration.ofMillis(100);

  private static final Deque<Browser> IDLE = new ConcurrentLinkedDeque<>();

  private static volatile String axeScript;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Browser idle; (idle = IDLE.poll()) != null; ) {
                    try {
                      idle.quit();
                    } catch (IOException | RuntimeException e) {
                      // The JVM is exiting; the temporary folders stay behind at worst.
                    }
                  }
                },
                "quit-idle-browsers"));
  }

  private final ChromeDriver driver;
  private final Path profile;
  private final Path downloads;
  private String base;

  /** A browser on the server at {@code base}: an idle one, reset, or a new one. */
  static Browser start(String base) throws IOException {
    Browser idle = IDLE.poll();
    if (idle == null) {
      return new Browser(base);
    }
    idle.base = Objects.requireNonNull(base, "base").replaceAll("/$", "");
    return idle;
  }

  private Browser(String base) throws IOException {
    this.base = Objects.requireNonNull(base, "base").replaceAll("/$", "");
    for (Path required : new Path[] {CHROMIUM, DRIVER}) {
      if (!Files.isExecutable(required)) {
        throw new IllegalStateException(
            required
                + " is missing: the web UI tests need a real Chromium. Install Debian's packages:"
                + " apt-get install -y chromium chromium-driver");
      }
    }
    profile = Files.createTempDirectory("ayb-chromium-profile");
    downloads = Files.createTempDirectory("ayb-chromium-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        // Chromium's background work that no test looks at (the set headless automation tools
        // use): on 2 cores shared with the servers under test, it is CPU the tests wait for.
        "--disable-extensions",
        "--disable-default-apps",
        "--disable-sync",
        "--disable-breakpad",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--disable-hang-monitor",
        "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
        "--metrics-recording-only",
        "--mute-audio",
        "--password-store=basic",
        "--user-data-dir=" + profile,
        "--window-size=" + WIDE + ",900");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens a path of the server under test. */
  void open(String path) {
    driver.get(base + path);
  }

  String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  boolean present(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  String text(String css) {
    // An Ajax update may replace the element between finding and reading it: read the new one.
    for (int attempt = 1; ; attempt++) {
      try {
        return find(css).getText();
      } catch (StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /**
   * Waits until {@code element} has left the page (a navigation or an Ajax update replaced it).
   * While the new document is coming, ChromeDriver may answer "does not belong to the document"
   * instead of a stale-element error: that means gone too.
   */
  void waitUntilGone(WebElement element) {
    waitFor(
        page -> {
          try {
            element.isEnabled();
            return false;
          } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
          } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
              return true;
            }
            throw e;
          }
        });
  }

  /** Waits up to 30 s; on a timeout the page is saved (screenshot and HTML) for diagnosis. */
  <T> T waitFor(ExpectedCondition<T> condition) {
    return waitFor(condition, Duration.ofSeconds(30));
  }

  /** Waits up to {@code limit}; on a timeout the page is saved for diagnosis. */
  <T> T waitFor(ExpectedCondition<T> condition, Duration limit) {
    return waitFor(condition, limit, POLL);
  }

  /**
   * Waits up to {@code limit}, checking every {@code poll}; on a timeout the page is saved for
   * diagnosis.
   */
  <T> T waitFor(ExpectedCondition<T> condition, Duration limit, Duration poll) {
    try {
      // An element re-rendered by an Ajax update while the condition reads it is simply read again.
      return new WebDriverWait(driver, limit, poll)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(condition);
    } catch (TimeoutException timeout) {
      String name = "failure-" + System.currentTimeMillis();
      try {
        screenshot(name);
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      } catch (IOException | RuntimeException saving) {
        timeout.addSuppressed(saving);
        throw timeout;
      }
      throw new TimeoutException(
          "On " + driver.getCurrentUrl() + " (page saved as " + name + "): " + timeout.getMessage(),
          timeout);
    }
  }

  /** Waits until no PrimeFaces AJAX request is running and the page is loaded. */
  void settle() {
    waitFor(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete' && (!window.PrimeFaces"
                            + " || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
  }

  /**
   * Saves a screenshot of the whole page (beyond the window, through Chromium's DevTools) as {@code
   * target/screenshots/<name>.png}. Chromium resizes the viewport to the page for it when the page
   * is taller than the window, which closes PrimeFaces' overlays (they close on a resize).
   */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    long width = ((Number) script("return window.innerWidth;")).longValue();
    long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    return file;
  }

  /**
   * Saves a screenshot of the window only, as {@code target/screenshots/<name>.png}: unlike {@link
   * #screenshot}, it never resizes the viewport, so overlays that close on a resize stay open.
   */
  Path windowScreenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    return file;
  }

  /**
   * The page at both widths: a screenshot of each ({@code <name>-1366.png}, {@code <name>-390.png})
   * and an axe-core check of each, which fails on any serious or critical violation.
   */
  void capture(String name) throws IOException {
    for (int width : new int[] {PHONE, WIDE}) {
      resize(width, width == PHONE ? 844 : 900);
      settle();
      screenshot(name + "-" + width);
      assertAccessible(name + " at " + width + " px");
    }
  }

  /** Runs axe-core (WCAG 2.1 A and AA rules) on the page; fails on serious or critical findings. */
  void assertAccessible(String what) throws IOException {
    if (!Files.isRegularFile(AXE)) {
      throw new IllegalStateException(
          AXE + " is missing: the build fetches axe-core with npm (generate-test-resources)");
    }
    if (!Boolean.TRUE.equals(script("return typeof window.axe !== 'undefined';"))) {
      if (axeScript == null) {
        axeScript = Files.readString(AXE);
      }
      script(axeScript);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object found =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
                    + " 'wcag21a', 'wcag21aa']}}).then(function (r) { done(r.violations"
                    + ".filter(function (v) { return v.impact === 'serious' || v.impact ==="
                    + " 'critical'; }).map(function (v) { return v.id + ' (' + v.impact + '): '"
                    + " + v.help + ' at ' + v.nodes.slice(0, 5).map(function (n) { return"
                    + " n.target.join(' '); }).join(', '); }).join('\\n')); },"
                    + " function (e) { done('axe failed: ' + e); });");
    if (!"".equals(found)) {
      throw new AssertionError("Accessibility violations on " + what + ":\n" + found);
    }
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** The one file downloaded so far, once Chromium has finished writing it. */
  Path download(String name) {
    Path file = downloads.resolve(name);
    waitFor(
        d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
    return file;
  }

  /** The names of the files downloaded so far (finished or not). */
  List<String> downloaded() throws IOException {
    try (Stream<Path> files = Files.list(downloads)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  /** Resets this browser for the next test and keeps it idle; quits it if it cannot be reset. */
  @Override
  public void close() throws IOException {
    try {
      driver.get("about:blank");
      String origin = URI.create(base).resolve("/").toString().replaceAll("/$", "");
      driver.executeCdpCommand(
          "Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      resize(WIDE, 900);
      delete(downloads, false);
    } catch (IOException | RuntimeException unusable) {
      // Said, since each test then pays a Chromium start again.
      System.err.println("Browser not reused (quit): " + unusable);
      quit();
      return;
    }
    IDLE.push(this);
  }

  private void quit() throws IOException {
    try {
      driver.quit();
    } finally {
      delete(profile, true);
      delete(downloads, true);
    }
  }

  /** Deletes what is in {@code directory}, and the directory itself if {@code itself}. */
  private static void delete(Path directory, boolean itself) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (itself || !file.equals(directory)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
