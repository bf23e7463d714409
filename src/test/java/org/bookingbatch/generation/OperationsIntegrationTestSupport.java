package org.bookingbatch.generation;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.bookingbatch.BookingBatchApplication;
import org.bookingbatch.platform.DatabaseCleaner;
import org.bookingbatch.platform.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on a random port with a clock the test moves, on a database of its own
 * on the test JVM's embedded server (so that no other test context's watchdog sees its
 * batches). The schedule is enabled with the default cron, but the timed work (cron,
 * watchdog, follow-up) is left to the test to call.
 */
@SpringBootTest(classes = { BookingBatchApplication.class, OperationsIntegrationTestSupport.ClockConfiguration.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "booking.generation.node-id=ops-review", "booking.generation.schedule.enabled=true",
				"booking.generation.schedule.follow-up-interval=PT1H", "booking.generation.watchdog-interval=PT1H",
				"booking.generation.schedule.retry.max-attempts=2", "booking.generation.schedule.retry.backoff=PT10M",
				"booking.generation.schedule.retry.multiplier=2",
				"booking.generation.schedule.lock-at-least-for=PT0S" })
abstract class OperationsIntegrationTestSupport {

	static final ZoneId ZONE = ZoneId.of("Europe/London");

	static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	private static final String[] USERS = { "admin", "coordinator", "viewer" };

	private static final String[][] ROLES = { { "ADMIN" }, { "GENERATE_BOOKINGS", "CONFIRM_BOOKINGS", "VIEW_BOOKINGS" },
			{ "VIEW_BOOKINGS" } };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	TestHttp http;

	GenerationFixtures fixtures;

	/** Today in the provider's zone, by the real calendar. */
	final LocalDate today = LocalDate.now(ZONE);

	@DynamicPropertySource
	static void ownDatabaseAndUsers(DynamicPropertyRegistry registry) {
		String url = EmbeddedMariaDb.start(Path.of("target", "test-db"), 0, true).createDatabase("ops");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "root");
		registry.add("spring.datasource.password", () -> "");
		BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
		for (int i = 0; i < USERS.length; i++) {
			String name = USERS[i];
			String hash = "{bcrypt}" + encoder.encode(name);
			registry.add("booking.security.users[" + i + "].name", () -> name);
			registry.add("booking.security.users[" + i + "].password", () -> hash);
			for (int j = 0; j < ROLES[i].length; j++) {
				String role = ROLES[i][j];
				registry.add("booking.security.users[" + i + "].roles[" + j + "]", () -> role);
			}
		}
	}

	@BeforeEach
	void cleanDatabaseAndSetTheClock() {
		DatabaseCleaner.clean(this.jdbcTemplate);
		// ShedLock updates the lock's row once it has created it: the row stays, free.
		this.jdbc.sql("""
				INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
				VALUES ('scheduled-generation', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'test')
				""").update();
		this.clock.set(at(this.today, LocalTime.of(0, 30)));
		this.http = new TestHttp(this.port);
		this.fixtures = new GenerationFixtures(this.jdbc);
	}

	@AfterEach
	void awaitQuietBatches() {
		// Nothing may still run when the next test empties the tables.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM booking_batch WHERE status IN ('PENDING',"
						+ " 'BUILDING_ENTRIES', 'VALIDATING', 'REVALIDATING', 'CONFIRMING', 'CONFIRMED')"
						+ " OR (status = 'CREATING' AND owner_node <> 'gone-node')")
				.query(Integer.class)
				.single() == 0);
	}

	static Instant at(LocalDate date, LocalTime time) {
		return date.atTime(time).atZone(ZONE).toInstant();
	}

	/**
	 * One team; a client with a valid unallocated weekday visit, and an inactive client
	 * whose weekday visit is invalid. Returns the team's id.
	 */
	long validAndInvalidVisits(LocalDate validFrom) {
		long team = this.fixtures.team("North");
		long alice = this.fixtures.client("Alice Cox", team);
		long bob = this.fixtures.client("Bob Day", team);
		this.jdbc.sql("UPDATE client SET active = FALSE WHERE id = ?").param(bob).update();
		this.fixtures.entry(alice, team, WEEKDAYS, LocalTime.of(9, 0), 30, 1, List.of(), validFrom);
		this.fixtures.entry(bob, team, WEEKDAYS, LocalTime.of(11, 0), 30, 1, List.of(), validFrom);
		return team;
	}

	String status(long batchId) {
		return this.jdbc.sql("SELECT status FROM booking_batch WHERE id = ?")
			.param(batchId)
			.query(String.class)
			.single();
	}

	void awaitStatus(long batchId, String status) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(status(batchId)).isEqualTo(status));
	}

	List<String> timelineTypes(long batchId) {
		return this.jdbc.sql("SELECT type FROM batch_event WHERE batch_id = ? ORDER BY id")
			.param(batchId)
			.query(String.class)
			.list();
	}

	List<Long> batchIds() {
		return this.jdbc.sql("SELECT id FROM booking_batch ORDER BY id").query(Long.class).list();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		MutableClock mutableClock() {
			// Before the night's run is due, so that starting the application does not
			// catch it up.
			return new MutableClock(at(LocalDate.now(ZONE), LocalTime.of(0, 30)));
		}

	}

}
