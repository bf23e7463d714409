package org.bookingbatch.generation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.bookingbatch.booking.BookingStatusPolicy;
import org.bookingbatch.platform.DatabaseCleaner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on a random port with the one embedded database of the test JVM, an
 * empty provider before each test, and the batch invariants checked for every batch after
 * each test, once its jobs have settled. Every batch test class extends this, so that
 * they all share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GenerationIntegrationTestSupport {

	static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	BatchRepository batches;

	@Autowired
	EntryRepository entryRepository;

	@Autowired
	BookingStatusPolicy statusPolicy;

	@Autowired
	Clock clock;

	TestHttp http;

	GenerationFixtures fixtures;

	/** A Monday in two weeks: every test plans the week that starts on it. */
	final LocalDate monday = LocalDate.now().plusWeeks(2).with(DayOfWeek.MONDAY);

	final LocalDate sunday = this.monday.plusDays(6);

	long team;

	long alice;

	long bob;

	long cara;

	long ann;

	long ben;

	long clash1;

	long clash2;

	long doubleHanded;

	@BeforeEach
	void emptyProvider() {
		DatabaseCleaner.clean(this.jdbcTemplate);
		// the cleaner leaves every table named batch_* alone (it spares Spring Batch's
		// BATCH_* tables), so the entries and timelines of earlier tests go here
		this.jdbc.sql("DELETE FROM batch_entry_carer").update();
		this.jdbc.sql("DELETE FROM batch_entry").update();
		this.jdbc.sql("DELETE FROM batch_event").update();
		this.http = new TestHttp(this.port);
		this.fixtures = new GenerationFixtures(this.jdbc);
	}

	/**
	 * Team North: Ann Lee is allocated to two overlapping weekday visits (Alice Cox at
	 * 08:00 and Bob Day at 08:15, both get CARER_CLASH), and Ben Moss to a daily
	 * double-handed visit of Cara Eve at 10:00 (valid with UNALLOCATED). A week batch has
	 * 17 entries: 10 invalid, 7 valid with a warning.
	 */
	void northTeamWeek() {
		this.team = this.fixtures.team("North");
		this.alice = this.fixtures.client("Alice Cox", this.team);
		this.bob = this.fixtures.client("Bob Day", this.team);
		this.cara = this.fixtures.client("Cara Eve", this.team);
		this.ann = this.fixtures.carer("Ann Lee", this.team);
		this.ben = this.fixtures.carer("Ben Moss", this.team);
		this.clash1 = this.fixtures.entry(this.alice, this.team, WEEKDAYS, LocalTime.of(8, 0), 30, 1, List.of(this.ann),
				this.monday.minusWeeks(1));
		this.clash2 = this.fixtures.entry(this.bob, this.team, WEEKDAYS, LocalTime.of(8, 15), 30, 1, List.of(this.ann),
				this.monday.minusWeeks(1));
		this.doubleHanded = this.fixtures.entry(this.cara, this.team, EVERY_DAY, LocalTime.of(10, 0), 60, 2,
				List.of(this.ben), this.monday.minusWeeks(1));
	}

	/**
	 * Team North's Ann Lee on two overlapping Wednesday visits of the planned week: Alice
	 * Cox's at 08:00 and Bob Day's at 08:15 (both get CARER_CLASH).
	 */
	WednesdayClash wednesdayClash() {
		long north = this.fixtures.team("North");
		long alice = this.fixtures.client("Alice Cox", north);
		long bob = this.fixtures.client("Bob Day", north);
		long ann = this.fixtures.carer("Ann Lee", north);
		Set<DayOfWeek> wednesdays = EnumSet.of(DayOfWeek.WEDNESDAY);
		long aliceVisit = this.fixtures.entry(alice, north, wednesdays, LocalTime.of(8, 0), 30, 1, List.of(ann),
				this.monday);
		long bobVisit = this.fixtures.entry(bob, north, wednesdays, LocalTime.of(8, 15), 30, 1, List.of(ann),
				this.monday);
		return new WednesdayClash(north, ann, aliceVisit, bobVisit, this.monday.plusDays(2));
	}

	/** The set-up of {@link #wednesdayClash()}: schedule entries and carer by id. */
	record WednesdayClash(long team, long ann, long aliceVisit, long bobVisit, LocalDate wednesday) {
	}

	@AfterEach
	void invariantsHoldForEveryBatch() {
		awaitJobsSettled();
		for (long batchId : this.jdbc.sql("SELECT id FROM booking_batch ORDER BY id").query(Long.class).list()) {
			BatchInvariants.assertHold(this.jdbc, this.transactions, batchId);
		}
	}

	/** Waits until no job of any batch runs any more. */
	void awaitJobsSettled() {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> runningExecutions().isEmpty());
	}

	/** How many executions the batch's generation job has had. */
	int executions(long batchId) {
		JobInstance instance = this.jobRepository.getJobInstance(BookingGenerationJobConfiguration.JOB,
				BatchJobLauncher.parameters(batchId));
		return (instance != null) ? this.jobRepository.getJobExecutions(instance).size() : 0;
	}

	/**
	 * Waits until the batch's generation job has run once more than {@code before} times
	 * and no job runs any more.
	 */
	void awaitNextExecutionEnded(long batchId, int before) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> executions(batchId) > before && runningExecutions().isEmpty());
	}

	List<JobExecution> runningExecutions() {
		List<JobExecution> running = new ArrayList<>();
		for (String job : List.of(BookingGenerationJobConfiguration.JOB,
				BookingGenerationJobConfiguration.REVALIDATION_JOB, BookingGenerationJobConfiguration.REFRESH_JOB)) {
			running.addAll(this.jobRepository.findRunningJobExecutions(job));
		}
		return running;
	}

	// Starting and reading batches

	TestHttp.Response startResponse(String user, LocalDate from, LocalDate to, List<Long> teamIds, String name) {
		StringBuilder body = new StringBuilder("{\"from\":\"" + from + "\",\"to\":\"" + to + "\"");
		if (teamIds != null) {
			body.append(",\"teamIds\":")
				.append(teamIds.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
		}
		if (name != null) {
			body.append(",\"name\":\"").append(name).append('"');
		}
		return this.http.post(user, "/api/booking-batches", body.append('}').toString());
	}

	/** Starts a batch over the week for all teams and returns its id. */
	long start() {
		return start(this.monday, this.sunday, List.of());
	}

	long start(LocalDate from, LocalDate to, List<Long> teamIds) {
		TestHttp.Response response = startResponse("coordinator", from, to, teamIds, null);
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		return response.json().get("id").asLong();
	}

	/** Starts a batch over the week and waits until it is ready to review. */
	long startValidated() {
		long id = start();
		awaitStatus(id, "VALIDATED");
		return id;
	}

	JsonNode batch(long id) {
		TestHttp.Response response = this.http.get("viewer", "/api/booking-batches/" + id);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	JsonNode counts(long id) {
		return batch(id).get("counts");
	}

	JsonNode awaitStatus(long id, String status) {
		JsonNode[] batch = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			batch[0] = batch(id);
			assertThat(batch[0].get("status").asString()).isEqualTo(status);
		});
		return batch[0];
	}

	/** Waits for the status and for the batch's jobs to have ended or paused. */
	JsonNode awaitSettled(long id, String status) {
		awaitStatus(id, status);
		awaitJobsSettled();
		JsonNode batch = batch(id);
		assertThat(batch.get("status").asString()).isEqualTo(status);
		return batch;
	}

	List<JsonNode> entries(long batchId, String query) {
		TestHttp.Response response = this.http.get("viewer",
				"/api/booking-batches/" + batchId + "/entries?size=500" + (query.isEmpty() ? "" : "&" + query));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		response.json().get("content").forEach(entries::add);
		return entries;
	}

	List<JsonNode> entries(long batchId) {
		return entries(batchId, "");
	}

	JsonNode entry(long batchId, long scheduleEntryId, LocalDate date) {
		for (JsonNode entry : entries(batchId)) {
			if (entry.get("scheduleEntryId").asLong() == scheduleEntryId
					&& entry.get("occurrenceDate").asString().equals(date.toString())) {
				return entry;
			}
		}
		throw new AssertionError("no entry for " + scheduleEntryId + " on " + date);
	}

	long entryId(long batchId, long scheduleEntryId, LocalDate date) {
		return entry(batchId, scheduleEntryId, date).get("id").asLong();
	}

	List<JsonNode> timeline(long batchId) {
		List<JsonNode> events = new ArrayList<>();
		this.http.get("viewer", "/api/booking-batches/" + batchId + "/timeline").json().forEach(events::add);
		return events;
	}

	TestHttp.Response action(String user, long batchId, String action) {
		return this.http.post(user, "/api/booking-batches/" + batchId + "/" + action, "");
	}

	// Changes made straight in the database

	/** Puts the batch into a status as if its job had got there. */
	void setStatus(long batchId, String status) {
		this.jdbc.sql("UPDATE booking_batch SET status = ? WHERE id = ?").params(status, batchId).update();
	}

	/**
	 * Moves the selected valid entries to CONFIRMED, as the final check does when they
	 * all pass.
	 */
	void passFinalCheck(long batchId) {
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql(
					"UPDATE batch_entry SET status = 'CONFIRMED' WHERE batch_id = :id AND status = 'VALID' AND selected")
				.param("id", batchId)
				.update();
			this.batches.recount(batchId, Instant.now());
		});
	}

	/**
	 * Makes entries valid and selected, issues and all, as if they had passed validation.
	 */
	void makeValidAndSelected(long batchId, List<Long> entryIds) {
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc
				.sql("UPDATE batch_entry SET status = 'VALID', selected = TRUE, issue_codes = '', issues = NULL"
						+ " WHERE id IN (:ids)")
				.param("ids", entryIds)
				.update();
			this.batches.recount(batchId, Instant.now());
		});
	}

	/** Makes a running batch stalled: no heartbeat for long, owned by a dead node. */
	void makeStalled(long batchId, int resumeAttempts) {
		this.jdbc.sql("""
				UPDATE booking_batch SET heartbeat_at = ?, updated_at = ?, owner_node = 'node-that-died:8080',
				resume_attempts = ? WHERE id = ?
				""")
			.params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))),
					Timestamp.from(Instant.now().minus(Duration.ofHours(1))), resumeAttempts, batchId)
			.update();
	}

	/** Inserts a booking of the occurrence that no batch made (a one-off, say). */
	long bookOccurrence(long scheduleEntryId, LocalDate date, String status) {
		return this.fixtures.booking(scheduleEntryId, date, status, null);
	}

	/**
	 * A creation writer for the batch's chunks, as the creation step makes one for a
	 * partition (shard 0: the batch row).
	 */
	CreateBookingsWriter createBookingsWriter(long batchId, int shard, boolean consecutiveIds) {
		return new CreateBookingsWriter(batchId, shard, false, "coordinator", this.jdbc, this.batches,
				this.statusPolicy, this.clock, consecutiveIds);
	}

	long bookingCount(long batchId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM booking WHERE batch_id = ?")
			.param(batchId)
			.query(Long.class)
			.single();
	}

}
