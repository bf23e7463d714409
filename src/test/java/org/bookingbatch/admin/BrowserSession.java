package org.bookingbatch.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for one test at a time, driven through Debian's chromedriver
 * (so that Selenium never downloads a driver), with a fresh profile per test. When a test
 * fails, a screenshot and the page's HTML are saved under
 * {@code target/browser-screenshots}. Without Chromium the tests are skipped, saying so.
 */
final class BrowserSession implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private final int width;

	private final int height;

	private WebDriver driver;

	private Path profile;

	BrowserSession(int width, int height) {
		this.width = width;
		this.height = height;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		// Checked per test rather than per class, so that every skipped test is reported
		// with the reason.
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser test skipped: Chromium is not installed (" + CHROMIUM + " and " + CHROMEDRIVER
						+ " are needed; install the Debian packages chromium and chromium-driver)");
		this.profile = Files.createTempDirectory("admin-browser-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=" + this.width + "," + this.height,
				"--user-data-dir=" + this.profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) throws IOException {
		if (context.getExecutionException().isPresent() && this.driver != null) {
			Files.createDirectories(SCREENSHOTS);
			String name = context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName();
			Path png = SCREENSHOTS.resolve(name + ".png");
			Files.write(png, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			Files.writeString(SCREENSHOTS.resolve(name + ".html"),
					"<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource(),
					StandardCharsets.UTF_8);
			System.err.println("Browser test failed; screenshot saved to " + png.toAbsolutePath());
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
		if (this.profile != null) {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	/** A wait that looks again when the page reloaded under it. */
	WebDriverWait waitUpTo(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout, Duration.ofMillis(200));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

}
