package org.bookingbatch.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.bookingbatch.platform.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes in child JVMs on one database, for what only real processes show:
 * both fire the schedule at the same second and one batch starts; the node running a
 * batch is killed with SIGKILL mid-creation and the other takes it over within
 * stall-after; that node is then stopped with SIGTERM mid-creation, its execution ends
 * STOPPED, and on its next start it finishes the batch, with one booking per confirmed
 * entry, and does not run the night's schedule again.
 */
class TwoNodeOperationsIntegrationTests {

	private static final int CLIENTS = 800;

	private static final Duration STALL_AFTER = Duration.ofSeconds(6);

	private static final Pattern FIRED_AT = Pattern.compile("fired on schedule at \\d\\d:\\d\\d:\\d\\d ");

	private static final String[] SETTINGS = { "--booking.generation.schedule.enabled=true",
			"--booking.generation.schedule.cron=*/2 * * * * *", "--booking.generation.schedule.team-ids[0]=2",
			"--booking.generation.schedule.lock-at-least-for=PT0S",
			"--booking.generation.stall-after=PT" + STALL_AFTER.toSeconds() + "S",
			"--booking.generation.watchdog-interval=PT1S", "--booking.generation.chunk-size=50",
			"--spring.task.scheduling.pool.size=2" };

	private static EmbeddedMariaDb server;

	private final List<ApplicationProcess> processes = new ArrayList<>();

	private HikariDataSource dataSource;

	@BeforeAll
	static void startServer() {
		server = EmbeddedMariaDb.start(Path.of("target", "test-db"), 0, true);
	}

	@Test
	void scheduleRunsOnceAndBatchesSurviveSigkillAndSigterm() {
		// given: the schema, a large team 1 and a one-client team 2 (the schedule's),
		// and the launch lock held until both nodes are up
		String url = server.createDatabase("ops_two_nodes");
		Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").load().migrate();
		this.dataSource = dataSource(url);
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		seed(new JdbcTemplate(this.dataSource), today);
		jdbc.sql("""
				INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
				VALUES ('scheduled-generation', TIMESTAMPADD(HOUR, 1, UTC_TIMESTAMP(3)), UTC_TIMESTAMP(3), 'test')
				""").update();
		// One after the other: two JVMs starting at once on two cores take longer than
		// the start-up timeout. The held lock keeps the first from running early.
		ApplicationProcess a = start(url, "node-a", "node-a");
		ApplicationProcess b = start(url, "node-b", "node-b");

		// when: the lock is released while both nodes fire every two seconds
		jdbc.sql("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3)").update();

		// then: one scheduled batch, and both nodes fired in the second it started in
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			String started = firstStart(a, b, today);
			assertThat(started).as("the run started").isNotNull();
			assertThat(firings(a, today)).as("node A fired in that second").anyMatch((line) -> line.contains(started));
			assertThat(firings(b, today)).as("node B fired in that second").anyMatch((line) -> line.contains(started));
		});
		assertThat(scheduledBatches(jdbc)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_run").query(Integer.class).single()).isEqualTo(1);

		// given: a large batch that node A creates
		LocalDate monday = today.plusWeeks(5).with(DayOfWeek.MONDAY);
		TestHttp httpA = new TestHttp(a.port());
		long id = httpA
			.post("admin", "/api/booking-batches",
					"{\"from\":\"" + monday + "\",\"to\":\"" + monday.plusDays(11) + "\",\"teamIds\":[1]}")
			.json()
			.get("id")
			.asLong();
		awaitStatus(jdbc, id, "VALIDATED", Duration.ofMinutes(2));
		int confirmed = count(jdbc, id, "selected");
		assertThat(confirmed).isEqualTo(CLIENTS * 10);
		assertThat(httpA.post("admin", "/api/booking-batches/" + id + "/confirm", "").status()).isEqualTo(202);
		awaitCreated(jdbc, id, 200);
		assertThat(owner(jdbc, id)).isEqualTo("node-a");

		// when: node A is killed mid-creation
		a.kill();
		long killedAt = System.nanoTime();
		int createdAtKill = count(jdbc, id, "created");
		assertThat(createdAtKill).as("killed in the middle of creating").isLessThan(confirmed);

		// then: node B takes the batch over within stall-after and a margin
		await().atMost(STALL_AFTER.plusSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> timeline(jdbc, id).contains("Taken over from node node-a"));
		assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("B waited for stall-after")
			.isGreaterThanOrEqualTo(STALL_AFTER.minusSeconds(1));
		assertThat(owner(jdbc, id)).isEqualTo("node-b");
		awaitCreated(jdbc, id, createdAtKill + 500);

		// when: node B is stopped with SIGTERM mid-creation
		b.terminate();

		// then: its execution stopped at a chunk boundary, restartable
		assertThat(status(jdbc, id)).isEqualTo("CREATING");
		assertThat(count(jdbc, id, "created")).as("stopped in the middle of creating").isLessThan(confirmed);
		assertThat(jobExecutionStatuses(jdbc, id)).last().isEqualTo("STOPPED");
		assertThat(jobExecutionStatuses(jdbc, id)).doesNotContain("STARTED", "STARTING", "STOPPING");
		assertThat(timeline(jdbc, id)).contains("STOPPED_FOR_SHUTDOWN");

		// when: node B starts again
		ApplicationProcess restarted = start(url, "node-b", "node-b-restarted");

		// then: it finishes the batch: one booking per confirmed entry
		awaitStatus(jdbc, id, "COMPLETED", Duration.ofMinutes(2));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM booking WHERE batch_id = ?").param(id).query(Integer.class).single())
			.isEqualTo(confirmed);
		BatchInvariants.assertHold(jdbc, id);
		assertThat(timeline(jdbc, id)).contains("Resumed after the application restarted");

		// and it does not run the night's schedule again
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> firings(restarted, today).size() >= 2);
		assertThat(firings(restarted, today)).allMatch((line) -> line.contains("skipped"));
		assertThat(scheduledBatches(jdbc)).isEqualTo(1);
	}

	private ApplicationProcess start(String url, String node, String logName) {
		try {
			Files.deleteIfExists(Path.of("target", "child-logs", logName + ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ApplicationProcess process = ApplicationProcess.start(url, node, logName, SETTINGS);
		this.processes.add(process);
		return process;
	}

	/** The node's log lines of firings of the date's run. */
	private static List<String> firings(ApplicationProcess node, LocalDate date) {
		try {
			return Files.readAllLines(node.log())
				.stream()
				.filter((line) -> line.contains("Scheduled run of " + date + " fired on schedule"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** "fired on schedule at HH:mm:ss" of the firing that started the run. */
	private static String firstStart(ApplicationProcess a, ApplicationProcess b, LocalDate date) {
		return java.util.stream.Stream.concat(firings(a, date).stream(), firings(b, date).stream())
			.filter((line) -> line.contains("started batch"))
			.map((line) -> FIRED_AT.matcher(line))
			.filter(Matcher::find)
			.map(Matcher::group)
			.findFirst()
			.orElse(null);
	}

	private static int scheduledBatches(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM booking_batch WHERE origin = 'SCHEDULE'").query(Integer.class).single();
	}

	private static String owner(JdbcClient jdbc, long id) {
		return jdbc.sql("SELECT owner_node FROM booking_batch WHERE id = ?").param(id).query(String.class).single();
	}

	private static String status(JdbcClient jdbc, long id) {
		return jdbc.sql("SELECT status FROM booking_batch WHERE id = ?").param(id).query(String.class).single();
	}

	private static int count(JdbcClient jdbc, long id, String column) {
		return jdbc.sql("SELECT " + BatchInvariants.count(column) + " FROM booking_batch b WHERE b.id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private static String timeline(JdbcClient jdbc, long id) {
		return String.join(
				"\n", jdbc
					.sql("SELECT CONCAT(type, ': ', COALESCE(message, '')) FROM batch_event"
							+ " WHERE batch_id = ? ORDER BY id")
					.param(id)
					.query(String.class)
					.list());
	}

	/** The statuses of the batch's generation job executions, oldest first. */
	private static List<String> jobExecutionStatuses(JdbcClient jdbc, long id) {
		return jdbc
			.sql("""
					SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
					JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
					WHERE i.JOB_NAME = 'bookingGenerationJob' AND p.PARAMETER_NAME = 'batchId' AND p.PARAMETER_VALUE = ?
					ORDER BY e.JOB_EXECUTION_ID
					""")
			.param(String.valueOf(id))
			.query(String.class)
			.list();
	}

	private static void awaitCreated(JdbcClient jdbc, long id, int atLeast) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
			assertThat(status(jdbc, id)).as("still creating").isIn("CONFIRMING", "CONFIRMED", "CREATING");
			return status(jdbc, id).equals("CREATING") && count(jdbc, id, "created") >= atLeast;
		});
	}

	private static void awaitStatus(JdbcClient jdbc, long id, String status, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(status(jdbc, id)).isEqualTo(status));
	}

	/**
	 * Team 1: {@value #CLIENTS} clients with a contract and an unallocated weekday visit
	 * each; team 2: one client with a daily visit, for the schedule's window.
	 */
	private static void seed(JdbcTemplate template, LocalDate today) {
		template.update("INSERT INTO team (id, name) VALUES (1, 'North'), (2, 'South')");
		List<Object[]> clients = new ArrayList<>();
		List<Object[]> teams = new ArrayList<>();
		List<Object[]> contracts = new ArrayList<>();
		List<Object[]> entries = new ArrayList<>();
		LocalDate start = today.with(DayOfWeek.MONDAY);
		for (int i = 1; i <= CLIENTS + 1; i++) {
			boolean scheduled = i > CLIENTS;
			clients.add(new Object[] { i, "Client " + i });
			teams.add(new Object[] { i, scheduled ? 2 : 1 });
			contracts.add(new Object[] { i, i, "Home care", LocalDate.of(2020, 1, 1) });
			entries.add(new Object[] { i, i, scheduled ? 2 : 1, scheduled ? 0b1111111 : 0b11111,
					String.format("%02d:%02d", 7 + (i % 12), (i % 4) * 15), 30, start, start });
		}
		template.batchUpdate("INSERT INTO client (id, name) VALUES (?, ?)", clients);
		template.batchUpdate("INSERT INTO client_team (client_id, team_id) VALUES (?, ?)", teams);
		template.batchUpdate(
				"INSERT INTO service_contract (id, client_id, service_type, start_date) VALUES (?, ?, ?, ?)",
				contracts);
		template.batchUpdate("""
				INSERT INTO schedule_entry (id, client_id, team_id, days_of_week, start_time, duration_minutes,
				cycle_weeks, cycle_start, weeks, carers_required, valid_from) VALUES (?, ?, ?, ?, ?, ?, 1, ?, 1, 1, ?)
				""", entries);
	}

	private static HikariDataSource dataSource(String url) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
				+ "&rewriteBatchedStatements=true");
		dataSource.setUsername("root");
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(3);
		return dataSource;
	}

	@AfterEach
	void stopNodes() {
		this.processes.forEach(ApplicationProcess::close);
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

}
