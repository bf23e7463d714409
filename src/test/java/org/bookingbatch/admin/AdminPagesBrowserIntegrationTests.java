package org.bookingbatch.admin;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.bookingbatch.platform.DatabaseCleaner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages in a real browser: a coordinator takes a batch from preview to
 * completion and retries it, a planner cannot confirm, and a refused start names the
 * batch that blocks it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminPagesBrowserIntegrationTests {

	static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	static final Duration BATCH_TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession(1280, 1000);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ZoneId zone;

	AdminFixtures fixtures;

	LocalDate monday;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbcTemplate);
		this.fixtures = new AdminFixtures(this.jdbc);
		this.monday = LocalDate.now(this.zone).plusWeeks(2).with(DayOfWeek.MONDAY);
		long north = this.fixtures.team("North");
		long alice = this.fixtures.client("Alice Cox", north);
		long bob = this.fixtures.client("Bob Day", north);
		long cara = this.fixtures.client("Cara Eve", north);
		long ann = this.fixtures.carer("Ann Lee", north);
		long ben = this.fixtures.carer("Ben Moss", north);
		// Ann is allocated to two overlapping weekday visits: both clash.
		this.fixtures.entry(alice, north, WEEKDAYS, LocalTime.of(8, 0), 30, List.of(ann), this.monday.minusWeeks(1));
		this.fixtures.entry(bob, north, WEEKDAYS, LocalTime.of(8, 15), 30, List.of(ann), this.monday.minusWeeks(1));
		this.fixtures.entry(cara, north, EnumSet.allOf(DayOfWeek.class), LocalTime.of(10, 0), 60, List.of(ben),
				this.monday.minusWeeks(1));
	}

	@Test
	void coordinatorReviewsConfirmsAndRetriesAndPlannerCannotConfirm() {
		WebDriver driver = browser.driver();

		// given: a coordinator signs in and opens the new-batch page
		signIn("coordinator");
		assertThat(driver.getCurrentUrl()).endsWith("/admin/batches");
		driver.findElement(By.id("new-batch")).click();

		// when: the range covers three days, then one, and the team is picked
		setDate("from", this.monday);
		setDate("to", this.monday.plusDays(2));
		awaitText(By.id("preview-occurrences"), "9");
		setDate("to", this.monday);
		awaitText(By.id("preview-occurrences"), "3");
		driver.findElement(By.cssSelector("input[name='teamIds']")).click();
		awaitText(By.id("preview-occurrences"), "3");
		driver.findElement(By.id("start-batch")).click();

		// then: the batch page follows the batch until it waits for review
		awaitStatus("Ready to review");
		String batchUrl = driver.getCurrentUrl();
		long batchId = Long.parseLong(batchUrl.replaceAll(".*/admin/batches/(\\d+).*", "$1"));
		assertThat(count("invalid")).isEqualTo("2");
		assertThat(count("valid")).isEqualTo("1");
		WebElement bob = row("Bob Day");
		assertThat(bob.getText()).contains("08:15–08:45", "Ann Lee", "Invalid", "CARER_CLASH");

		// when: Bob's visit is given to Ben
		bob.findElement(By.cssSelector(".change-carers summary")).click();
		new Select(bob.findElement(By.cssSelector(".carer-form select"))).selectByVisibleText("Ben Moss");
		bob.findElement(By.cssSelector(".carer-form button")).click();

		// then: Bob's entry and Alice's, which clashed with it, are valid again
		awaitText(By.id("entry-notice"), "Carers of Bob Day, " + new AdminFormats(this.zone).day(this.monday)
				+ " 08:15 changed to Ben Moss. The entry is now valid.");
		assertThat(row("Bob Day").getText()).contains("Ben Moss", "Valid").doesNotContain("CARER_CLASH");
		assertThat(row("Alice Cox").getText()).contains("Valid").doesNotContain("CARER_CLASH");
		assertThat(count("selected")).isEqualTo("3");

		// when: Cara's visit is deselected
		row("Cara Eve").findElement(By.cssSelector("input[name='entryId']")).click();
		driver.findElement(By.id("deselect-picked")).click();

		// then
		awaitText(By.id("entry-notice"), "Deselected 1 entry.");
		assertThat(row("Cara Eve").findElement(By.cssSelector(".selection")).getText()).isEqualTo("Not selected");
		assertThat(count("selected")).isEqualTo("2");

		// when: the coordinator confirms and watches, without reloading
		driver.findElement(By.id("action-confirm")).click();

		// then: the page follows the batch to Completed
		awaitStatus("Completed");
		assertThat(count("created")).isEqualTo("2");
		assertThat(count("skipped")).isEqualTo("1");
		assertThat(driver.findElements(By.id("action-confirm"))).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking WHERE batch_id = ?")
			.param(batchId)
			.query(Long.class)
			.single()).isEqualTo(2);

		// when: the batch is retried
		driver.findElement(By.id("action-retry")).click();

		// then: the retry is linked both ways and picks up only Cara's visit
		awaitText(By.id("retry-of"), "retry of #" + batchId);
		awaitStatus("Ready to review");
		String retryUrl = driver.getCurrentUrl();
		assertThat(count("total")).isEqualTo("1");
		assertThat(row("Cara Eve").getText()).contains("Valid");
		driver.get(batchUrl);
		assertThat(driver.findElement(By.id("retried-as")).getText())
			.isEqualTo("retried as #" + retryUrl.replaceAll(".*/admin/batches/(\\d+).*", "$1"));

		// when: a planner opens the retry under review
		signOut();
		signIn("planner");
		driver.get(retryUrl);

		// then: review actions, but no Confirm button
		awaitStatus("Ready to review");
		assertThat(driver.findElements(By.id("action-confirm"))).isEmpty();
		assertThat(driver.findElements(By.id("action-cancel"))).hasSize(1);
		assertThat(driver.findElements(By.id("deselect-picked"))).hasSize(1);

		// and: a confirm forged with the planner's session and CSRF token is refused
		Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const token = document.querySelector('input[name="_csrf"]').value;
				fetch(location.pathname + '/confirm', { method: 'POST', credentials: 'same-origin',
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					body: '_csrf=' + encodeURIComponent(token), redirect: 'manual' })
				.then((response) => done(response.status), () => done(-1));
				""");
		assertThat(status).isEqualTo(403L);
		driver.navigate().refresh();
		awaitStatus("Ready to review");
	}

	@Test
	void refusedStartListsTheBlockingBatchWithALink() {
		// given
		WebDriver driver = browser.driver();
		long blocking = this.fixtures.creatingBatch("Batch #77 · Creating for everyone", this.monday,
				this.monday.plusDays(6));
		signIn("coordinator");
		driver.get(url("/admin/batches/new"));

		// when
		setDate("from", this.monday.plusDays(1));
		setDate("to", this.monday.plusDays(2));
		driver.findElement(By.id("start-batch")).click();

		// then
		WebElement panel = browser.waitUpTo(Duration.ofSeconds(10))
			.until((d) -> d.findElement(By.id("blocking-panel")));
		assertThat(panel.getText()).contains("Cannot start a new batch", "Creating");
		assertThat(driver.findElement(By.id("from")).getDomProperty("value"))
			.isEqualTo(this.monday.plusDays(1).toString());
		panel.findElement(By.linkText("Batch #77 · Creating for everyone")).click();
		assertThat(driver.getCurrentUrl()).endsWith("/admin/batches/" + blocking);
		assertThat(driver.findElement(By.id("batch-status")).getText()).isEqualTo("Creating");

		// and: cancelling asks first, and a "no" leaves the batch alone
		driver.findElement(By.id("action-cancel")).click();
		Alert question = browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).startsWith("Cancel this batch?");
		question.dismiss();
		assertThat(driver.getCurrentUrl()).endsWith("/admin/batches/" + blocking);
		assertThat(this.jdbc.sql("SELECT status FROM booking_batch WHERE id = ?")
			.param(blocking)
			.query(String.class)
			.single()).isEqualTo("CREATING");
	}

	private void signIn(String user) {
		WebDriver driver = browser.driver();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(user);
		driver.findElement(By.id("sign-in")).click();
		browser.waitUpTo(Duration.ofSeconds(10))
			.until((d) -> d.findElement(By.cssSelector(".topbar .user")).getText().startsWith(user));
	}

	private void signOut() {
		browser.driver().findElement(By.cssSelector(".topbar form button")).click();
		browser.waitUpTo(Duration.ofSeconds(10)).until((d) -> d.getCurrentUrl().endsWith("/login?logout"));
	}

	/**
	 * Sets a date field as a picker would, firing the change event the page listens to.
	 */
	private void setDate(String id, LocalDate date) {
		WebElement field = browser.driver().findElement(By.id(id));
		((JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
				field, date.toString());
	}

	private void awaitStatus(String label) {
		browser.waitUpTo(BATCH_TIMEOUT)
			.withMessage(() -> "batch status " + label)
			.until((d) -> d.findElement(By.id("batch-status")).getText().equals(label));
	}

	private void awaitText(By locator, String text) {
		browser.waitUpTo(Duration.ofSeconds(15))
			.withMessage(() -> locator + " showing " + text)
			.until((d) -> d.findElement(locator).getText().equals(text));
	}

	private String count(String name) {
		return browser.driver().findElement(By.cssSelector("[data-count='" + name + "']")).getText();
	}

	private WebElement row(String client) {
		return browser.driver()
			.findElement(By.xpath("//table[contains(@class,'entries-table')]//tr[.//span[@class='client' and text()='"
					+ client + "']]"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
