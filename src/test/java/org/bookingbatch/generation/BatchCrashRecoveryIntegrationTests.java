package org.bookingbatch.generation;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.bookingbatch.platform.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash safety for real: the application runs in a child JVM on a database this test
 * owns, is killed with SIGKILL in the middle of a phase, and a new child (the same node,
 * restarted) must resume the batch by itself and end with exactly one booking per
 * confirmed entry.
 */
class BatchCrashRecoveryIntegrationTests {

	private static final int CLIENTS = 1000;

	private static final String NODE = "crash-node";

	private static EmbeddedMariaDb server;

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	@BeforeAll
	static void startServer() {
		server = EmbeddedMariaDb.start(Path.of("target", "test-db"), 0, true);
	}

	@ParameterizedTest(name = "killed while {0}")
	@ValueSource(strings = { "BUILDING_ENTRIES", "VALIDATING", "CREATING" })
	void batchResumesAfterTheNodeIsKilled(String phase) {
		// given
		String url = server.createDatabase("crash_" + phase.toLowerCase());
		LocalDate monday = LocalDate.now().plusWeeks(2).with(DayOfWeek.MONDAY);
		String[] slow = { "--booking.generation.chunk-size=100", "--booking.generation.build-chunk-size=10" };
		ApplicationProcess first = ApplicationProcess.start(url, NODE, phase + "-first", slow);
		HikariDataSource dataSource = dataSource(url);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		seed(new JdbcTemplate(dataSource), monday);
		TestHttp http = new TestHttp(first.port());
		long id = http
			.post("admin", "/api/booking-batches",
					"{\"from\":\"" + monday + "\",\"to\":\"" + monday.plusDays(27) + "\"}")
			.json()
			.get("id")
			.asLong();
		int confirmedBeforeCrash = -1;
		if (phase.equals("CREATING")) {
			awaitStatus(jdbc, id, "VALIDATED", Duration.ofMinutes(2));
			confirmedBeforeCrash = selected(jdbc, id);
			assertThat(http.post("admin", "/api/booking-batches/" + id + "/confirm", "").status()).isEqualTo(202);
		}

		// when: killed mid-phase, once some chunks have committed
		String progress = switch (phase) {
			case "BUILDING_ENTRIES" -> BatchInvariants.count("total");
			case "VALIDATING" -> BatchInvariants.count("valid") + " + " + BatchInvariants.count("invalid");
			default -> BatchInvariants.count("created");
		};
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
			Map<String, Object> row = jdbc
				.sql("SELECT status, " + progress + " AS done FROM booking_batch b WHERE id = ?")
				.param(id)
				.query()
				.singleRow();
			assertThat(row.get("status")).as("the phase to kill in must not be over yet")
				.isIn(phase, "PENDING", "BUILDING_ENTRIES", "VALIDATING", "CONFIRMING", "CONFIRMED");
			return row.get("status").equals(phase) && ((Number) row.get("done")).intValue() >= 1000;
		});
		first.kill();
		int doneAtCrash = jdbc.sql("SELECT " + progress + " FROM booking_batch b WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		assertThat(doneAtCrash).as("killed in the middle of the phase").isLessThan(CLIENTS * 20);

		// then: the restarted node resumes by itself
		try (ApplicationProcess second = ApplicationProcess.start(url, NODE, phase + "-second")) {
			TestHttp again = new TestHttp(second.port());
			if (!phase.equals("CREATING")) {
				awaitStatus(jdbc, id, "VALIDATED", Duration.ofMinutes(2));
				assertThat(jdbc.sql("SELECT total FROM booking_batch WHERE id = ?")
					.param(id)
					.query(Integer.class)
					.single()).as("one entry per occurrence, none lost, none twice").isEqualTo(CLIENTS * 20);
				confirmedBeforeCrash = selected(jdbc, id);
				assertThat(again.post("admin", "/api/booking-batches/" + id + "/confirm", "").status()).isEqualTo(202);
			}
			awaitStatus(jdbc, id, "COMPLETED", Duration.ofMinutes(2));
			BatchInvariants.assertHold(jdbc, id);
			assertThat(
					jdbc.sql("SELECT COUNT(*) FROM booking WHERE batch_id = ?").param(id).query(Integer.class).single())
				.as("exactly one booking per confirmed entry")
				.isEqualTo(confirmedBeforeCrash);
			String timeline = again.get("admin", "/api/booking-batches/" + id + "/timeline").body();
			assertThat(timeline).contains("RECOVERED", "Resumed after the application restarted");
		}
		finally {
			first.close();
		}
	}

	/** The entries a confirm takes: the selected valid ones. */
	private static int selected(JdbcClient jdbc, long id) {
		return jdbc.sql("SELECT selected FROM booking_batch WHERE id = ?").param(id).query(Integer.class).single();
	}

	private static void awaitStatus(JdbcClient jdbc, long id, String status, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(
					jdbc.sql("SELECT status FROM booking_batch WHERE id = ?").param(id).query(String.class).single())
				.isEqualTo(status));
	}

	/**
	 * One team, {@value #CLIENTS} clients with a contract and an unallocated weekday
	 * visit each.
	 */
	private static void seed(JdbcTemplate template, LocalDate monday) {
		template.update("INSERT INTO team (id, name) VALUES (1, 'North')");
		List<Object[]> clients = new ArrayList<>();
		List<Object[]> teams = new ArrayList<>();
		List<Object[]> contracts = new ArrayList<>();
		List<Object[]> entries = new ArrayList<>();
		for (int i = 1; i <= CLIENTS; i++) {
			clients.add(new Object[] { i, "Client " + i });
			teams.add(new Object[] { i, 1 });
			contracts.add(new Object[] { i, i, "Home care", LocalDate.of(2020, 1, 1) });
			entries.add(new Object[] { i, i, 1, 0b11111, String.format("%02d:%02d", 7 + (i % 12), (i % 4) * 15), 30,
					monday.minusWeeks(1), monday.minusWeeks(1) });
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

	private HikariDataSource dataSource(String url) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
				+ "&rewriteBatchedStatements=true");
		dataSource.setUsername("root");
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(3);
		this.dataSources.add(dataSource);
		return dataSource;
	}

	@org.junit.jupiter.api.AfterEach
	void closeDataSources() {
		this.dataSources.forEach(HikariDataSource::close);
	}

}
