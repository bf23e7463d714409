package org.bookingbatch.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.bookingbatch.platform.DatabaseCleaner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The entries table's filters, paging and review actions, through the pages' own forms: a
 * four-week batch where Alice's and Bob's weekday visits clash over Ann.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EntryReviewPagesIntegrationTests {

	private static final Pattern CLIENT_CELL = Pattern.compile("class=\"client\">([^<]+)<");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ZoneId zone;

	long batchId;

	String page;

	PageSession coordinator;

	@BeforeEach
	void setUp() throws Exception {
		DatabaseCleaner.clean(this.jdbcTemplate);
		AdminFixtures fixtures = new AdminFixtures(this.jdbc);
		LocalDate monday = LocalDate.now(this.zone).plusWeeks(2).with(DayOfWeek.MONDAY);
		long north = fixtures.team("North");
		long ann = fixtures.carer("Ann Lee", north);
		long ben = fixtures.carer("Ben Moss", north);
		EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		fixtures.entry(fixtures.client("Alice Cox", north), north, weekdays, LocalTime.of(8, 0), 30, List.of(ann),
				monday.minusWeeks(1));
		fixtures.entry(fixtures.client("Bob Day", north), north, weekdays, LocalTime.of(8, 15), 30, List.of(ann),
				monday.minusWeeks(1));
		fixtures.entry(fixtures.client("Cara Eve", north), north, EnumSet.allOf(DayOfWeek.class), LocalTime.of(10, 0),
				60, List.of(ben), monday.minusWeeks(1));
		HttpRequest start = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/booking-batches"))
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("coordinator:coordinator".getBytes()))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"from\":\"" + monday + "\",\"to\":\"" + monday.plusDays(27) + "\"}"))
			.build();
		HttpResponse<String> started = HttpClient.newHttpClient().send(start, HttpResponse.BodyHandlers.ofString());
		this.batchId = Long.parseLong(started.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "VALIDATED".equals(this.jdbc.sql("SELECT status FROM booking_batch WHERE id = ?")
				.param(this.batchId)
				.query(String.class)
				.single()));
		this.page = "/admin/batches/" + this.batchId;
		this.coordinator = new PageSession(this.port);
		this.coordinator.signIn("coordinator");
	}

	@Test
	void entriesArePagedFiftyAtATime() {
		// when
		PageSession.Page first = this.coordinator.get(this.page);
		PageSession.Page second = this.coordinator.get(this.page + "?page=1");

		// then: 20 + 20 weekday visits and 28 daily ones
		assertThat(first.body()).contains("Entries 1–50 of 68", "id=\"entries-next\"")
			.doesNotContain("id=\"entries-prev\"");
		assertThat(clients(first)).hasSize(50);
		assertThat(second.body()).contains("Entries 51–68 of 68", "id=\"entries-prev\"")
			.doesNotContain("id=\"entries-next\"");
		assertThat(clients(second)).hasSize(18);
	}

	@Test
	void filtersNarrowTheTable() {
		// when
		PageSession.Page clashes = this.coordinator.get(this.page + "?issue=CARER_CLASH");
		PageSession.Page valid = this.coordinator.get(this.page + "?status=VALID");
		PageSession.Page bens = this.coordinator.get(this.page + "?carerId=" + carer("Ben Moss"));
		PageSession.Page notStale = this.coordinator.get(this.page + "?stale=false&clientId=" + client("Bob Day"));

		// then
		assertThat(clashes.body()).contains("40 matching");
		assertThat(clients(clashes)).containsOnly("Alice Cox", "Bob Day");
		assertThat(clashes.body()).contains("Carer Ann Lee is also allocated");
		assertThat(clients(valid)).containsOnly("Cara Eve");
		assertThat(clients(bens)).containsOnly("Cara Eve");
		assertThat(clients(notStale)).containsOnly("Bob Day").hasSize(20);
	}

	@Test
	void autoResolveGivesClashingVisitsToAFreeCarer() {
		// when
		PageSession.Page resolved = this.coordinator.post(this.page + "/entries/auto-resolve", "back",
				"issue=CARER_CLASH");

		// then
		assertThat(resolved.location()).endsWith(this.page + "?issue=CARER_CLASH#entries");
		PageSession.Page after = this.coordinator.get(this.page + "?issue=CARER_CLASH");
		assertThat(after.body()).contains("No entries match the filter.",
				"Carer clashes resolved: 20 carers replaced, 0 slots left unallocated.");
		assertThat(invalid()).isZero();
	}

	@Test
	void removeMatchingRemovesEveryEntryWithTheIssue() {
		// when
		this.coordinator.post(this.page + "/entries/removal-by-issue", "issue", "CARER_CLASH");

		// then
		PageSession.Page after = this.coordinator.get(this.page);
		assertThat(after.body()).contains("Removed 40 entries with issue CARER_CLASH.", "28 in the batch");
		assertThat(clients(after)).containsOnly("Cara Eve");
	}

	@Test
	void pickedEntriesCanBeRemovedAndReselected() {
		// given
		List<Long> cara = this.jdbc
			.sql("SELECT id FROM batch_entry WHERE batch_id = ? AND status = 'VALID' ORDER BY id LIMIT 2")
			.param(this.batchId)
			.query(Long.class)
			.list();

		// when
		this.coordinator.post(this.page + "/entries/removal", "entryId", cara.get(0).toString());
		PageSession.Page removed = this.coordinator.get(this.page);
		this.coordinator.post(this.page + "/entries/selection", "op", "deselect-all");
		this.coordinator.get(this.page);
		this.coordinator.post(this.page + "/entries/selection", "op", "select", "entryId", cara.get(1).toString());
		PageSession.Page selected = this.coordinator.get(this.page);

		// then
		assertThat(removed.body()).contains("Removed 1 entry.");
		assertThat(selected.body()).contains("Selected 1 entry.");
		assertThat(this.jdbc.sql("SELECT selected, removed FROM booking_batch WHERE id = ?")
			.param(this.batchId)
			.query((rs, row) -> rs.getInt(1) + "/" + rs.getInt(2))
			.single()).isEqualTo("1/1");
	}

	@Test
	void anInvalidEntryCannotBeSelected() {
		// given
		long clash = this.jdbc
			.sql("SELECT id FROM batch_entry WHERE batch_id = ? AND status = 'INVALID' ORDER BY id LIMIT 1")
			.param(this.batchId)
			.query(Long.class)
			.single();

		// when
		this.coordinator.post(this.page + "/entries/selection", "op", "select", "entryId", Long.toString(clash));

		// then
		assertThat(this.coordinator.get(this.page).body())
			.contains("Selected 0 entries. Only valid entries can be selected.");
	}

	private List<String> clients(PageSession.Page page) {
		Matcher matcher = CLIENT_CELL.matcher(page.body());
		List<String> names = new java.util.ArrayList<>();
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private long carer(String name) {
		return this.jdbc.sql("SELECT id FROM carer WHERE name = ?").param(name).query(Long.class).single();
	}

	private long client(String name) {
		return this.jdbc.sql("SELECT id FROM client WHERE name = ?").param(name).query(Long.class).single();
	}

	private int invalid() {
		return this.jdbc.sql("SELECT invalid FROM booking_batch WHERE id = ?")
			.param(this.batchId)
			.query(Integer.class)
			.single();
	}

}
