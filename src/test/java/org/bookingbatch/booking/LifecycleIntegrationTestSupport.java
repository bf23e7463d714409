package org.bookingbatch.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.bookingbatch.platform.DatabaseCleaner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on a random port with a clock that tests move: team North, clients Bob
 * Cox and Eve Poe with contracts, carers Ann Lee, Cal Fry and Dan Orr in North. Visits
 * are the day after tomorrow unless a test needs another moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Configuration.class)
public abstract class LifecycleIntegrationTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbcTemplate;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	protected Api api;

	BookingTestData data;

	protected long north;

	protected long bob;

	protected long eve;

	protected long ann;

	protected long cal;

	protected long dan;

	/** 10:00 UTC the day after tomorrow. */
	protected Instant visit;

	@BeforeEach
	void provider() {
		DatabaseCleaner.clean(this.jdbcTemplate);
		this.clock.reset();
		this.api = new Api(this.port);
		this.data = new BookingTestData(this.jdbc);
		this.north = this.data.team("North");
		this.bob = this.data.client("Bob Cox", this.north);
		this.data.contract(this.bob, "personal care", LocalDate.of(2020, 1, 1), null);
		this.eve = this.data.client("Eve Poe", this.north);
		this.data.contract(this.eve, "personal care", LocalDate.of(2020, 1, 1), null);
		this.ann = this.data.carer("Ann Lee", this.north);
		this.cal = this.data.carer("Cal Fry", this.north);
		this.dan = this.data.carer("Dan Orr", this.north);
		this.visit = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)).plus(Duration.ofHours(10));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/**
	 * Creates a one-off booking of 30 minutes at {@code startsAt} as the coordinator.
	 * @param extra more JSON members, such as {@code "hold": true}, or empty
	 */
	protected long book(long clientId, Instant startsAt, int carersRequired, String extra, long... carerIds) {
		Api.Response created = this.api.post("coordinator", "/api/bookings",
				oneOff(clientId, startsAt, carersRequired, extra, carerIds));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	protected String oneOff(long clientId, Instant startsAt, int carersRequired, String extra, long... carerIds) {
		return "{\"clientId\":" + clientId + ",\"teamId\":" + this.north + ",\"startsAt\":\"" + startsAt
				+ "\",\"endsAt\":\"" + startsAt.plus(Duration.ofMinutes(30)) + "\",\"carersRequired\":" + carersRequired
				+ ",\"carerIds\":" + ids(carerIds) + (extra.isEmpty() ? "" : "," + extra) + "}";
	}

	protected static String ids(long... ids) {
		return "[" + Arrays.stream(ids).mapToObj(String::valueOf).collect(Collectors.joining(",")) + "]";
	}

	protected Api.Response fire(String user, long bookingId, String transition, String body) {
		return this.api.post(user, "/api/bookings/" + bookingId + "/transitions/" + transition, body);
	}

	protected Api.Response changeCarers(long bookingId, long... carerIds) {
		return this.api.put("coordinator", "/api/bookings/" + bookingId + "/carers",
				"{\"carerIds\":" + ids(carerIds) + "}");
	}

	/** The status as the database holds it. */
	protected String status(long bookingId) {
		return this.jdbc.sql("SELECT status FROM booking WHERE id = ?").param(bookingId).query(String.class).single();
	}

	protected List<Long> carers(long bookingId) {
		return this.jdbc.sql("SELECT carer_id FROM booking_carer WHERE booking_id = ? ORDER BY slot")
			.param(bookingId)
			.query(Long.class)
			.list();
	}

	protected JsonNode history(long bookingId) {
		Api.Response history = this.api.get("viewer", "/api/bookings/" + bookingId + "/history");
		assertThat(history.status()).as(history.body()).isEqualTo(200);
		return history.json();
	}

	/** The transitions of the booking's history, creation first (as "created"). */
	protected List<String> transitions(long bookingId) {
		return history(bookingId).valueStream()
			.map((entry) -> entry.get("transition").isNull() ? "created" : entry.get("transition").asString())
			.toList();
	}

	/** Runs the sweep from the actuator as an admin. */
	protected JsonNode sweep() {
		Api.Response sweep = this.api.post("admin", "/actuator/bookingsweep", null);
		assertThat(sweep.status()).as(sweep.body()).isEqualTo(200);
		return sweep.json();
	}

}
