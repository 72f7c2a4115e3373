package io.seawall.desk.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at the desk: headless Chromium driven by Selenium against the running Seawall. Where
 * the machine has no Chromium the browser tests are skipped with a warning, unless
 * {@code SEAWALL_REQUIRE_BROWSER=1} (CI) makes that a failure.
 */
final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final String base;
  private final Path profile;

  private Browser(String base, String acceptLanguage) throws IOException {
    this.base = base;
    this.profile = Files.createTempDirectory("seawall-desk-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=" + acceptLanguage,
        "--accept-lang=" + acceptLanguage);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    this.driver = new ChromeDriver(service, options);
  }

  /** A fresh browser (no session, no cookies) whose user prefers English. */
  static Browser open(int port) {
    return open(port, "en-US");
  }

  /** A fresh browser whose user's language preference is the given Accept-Language. */
  static Browser open(int port, String acceptLanguage) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      String why = "No " + CHROMIUM + " and " + CHROMEDRIVER + ": the desk's browser tests cannot run here";
      if ("1".equals(System.getenv("SEAWALL_REQUIRE_BROWSER"))) {
        fail(why + " (SEAWALL_REQUIRE_BROWSER=1)");
      }
      System.err.println("WARNING: " + why + "; skipped. Install chromium and chromium-driver to run them.");
      assumeTrue(false, why);
    }
    try {
      return new Browser("http://localhost:" + port, acceptLanguage);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void go(String path) {
    driver.get(base + path);
  }

  void signIn(String user) {
    signIn(user, "");
  }

  /** Signs in on the desk's own form, from the sign-in page with the given query (e.g. a language). */
  void signIn(String user, String query) {
    go("/login" + query);
    find("#username").sendKeys(user);
    find("#password").sendKeys(user);
    find("#sign-in").click();
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** Waits until the element is on the page and answers it. */
  WebElement find(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until the element is gone (the page replaced it or never had it). */
  void waitUntilGone(String css) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(css), 0));
  }

  /** Reloads the page until the element shows the text: what the engine does next comes a moment later. */
  void reloadUntil(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofSeconds(1)).until(d -> {
      d.navigate().refresh();
      return d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().equals(text));
    });
  }

  /** Reloads the page until the element is on it: the engine's timers fire a moment after the clock moves. */
  void reloadUntilPresent(String css) {
    new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofSeconds(1)).until(d -> {
      d.navigate().refresh();
      return !d.findElements(By.cssSelector(css)).isEmpty();
    });
  }

  void waitForAddressContaining(String part) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(part));
  }

  String text(String css) {
    return find(css).getText();
  }

  String title() {
    return find(".page-title").getText();
  }

  String url() {
    return driver.getCurrentUrl();
  }

  /** Saves what the browser shows as target/screenshots/{name}.png. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException leftOver) {
      // A temporary profile left behind costs nothing; the walk's outcome does not depend on it.
    }
  }
}
