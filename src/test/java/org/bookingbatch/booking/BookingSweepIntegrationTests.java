package org.bookingbatch.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeouts: holds abort after their inactivity period, provisional bookings lapse at
 * their start; the sweep job fires them, and an expired hold is free time before it does.
 */
class BookingSweepIntegrationTests extends LifecycleIntegrationTestSupport {

	@Autowired
	BookingSweep bookingSweep;

	@Test
	void anExpiredHoldNoLongerClashesBeforeTheSweepReachesIt() {
		// given
		long held = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		Api.Response whileHeld = this.api.post("coordinator", "/api/bookings",
				oneOff(this.eve, this.visit, 1, "", this.ann));
		// when
		this.clock.advance(Duration.ofMinutes(21));
		Api.Response afterExpiry = this.api.post("coordinator", "/api/bookings",
				oneOff(this.eve, this.visit, 1, "", this.ann));
		// then
		assertThat(whileHeld.status()).isEqualTo(422);
		assertThat(whileHeld.body()).contains("CARER_CLASH");
		assertThat(afterExpiry.status()).as(afterExpiry.body()).isEqualTo(201);
		assertThat(status(held)).isEqualTo("held");
	}

	@Test
	void anExpiredHoldCannotBeConfirmed() {
		// given
		long held = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		this.clock.advance(Duration.ofMinutes(20));
		// when
		Api.Response confirm = fire("coordinator", held, "confirm_hold", "{}");
		// then
		assertThat(confirm.status()).isEqualTo(409);
		assertThat(confirm.json().get("bookingStatus").asString()).isEqualTo("aborted");
	}

	@Test
	void theSweepAbortsExpiredHoldsOnly() {
		// given
		long expired = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		this.clock.advance(Duration.ofMinutes(15));
		long fresh = book(this.eve, this.visit, 1, "\"hold\":true", this.cal);
		long live = book(this.bob, this.visit.plus(Duration.ofHours(1)), 1, "", this.dan);
		this.clock.advance(Duration.ofMinutes(6));
		// when
		JsonNode sweep = sweep();
		// then
		assertThat(sweep.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(sweep.get("read").asLong()).isEqualTo(1);
		assertThat(sweep.get("fired").asLong()).isEqualTo(1);
		assertThat(status(expired)).isEqualTo("aborted");
		assertThat(status(fresh)).isEqualTo("held");
		assertThat(status(live)).isEqualTo("dispatched");
		JsonNode abort = history(expired).get(1);
		assertThat(abort.get("transition").asString()).isEqualTo("abort");
		assertThat(abort.get("actor").asString()).isEqualTo("system");
		assertThat(abort.get("reason").asString()).contains("PT20M");
	}

	@Test
	void activityOnAHoldStartsItsTimeoutOver() {
		// given
		long held = book(this.bob, this.visit, 1, "\"hold\":true");
		this.clock.advance(Duration.ofMinutes(15));
		changeCarers(held, this.ann);
		this.clock.advance(Duration.ofMinutes(15));
		// when
		JsonNode sweep = sweep();
		// then
		assertThat(sweep.get("fired").asLong()).isZero();
		assertThat(status(held)).isEqualTo("held");
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(sweep().get("fired").asLong()).isEqualTo(1);
		assertThat(status(held)).isEqualTo("aborted");
	}

	@Test
	void provisionalBookingsLapseAtTheirStart() {
		// given
		Instant soon = this.clock.instant().plus(Duration.ofHours(1));
		long provisional = book(this.bob, soon, 1, "\"provisional\":true", this.ann);
		long later = book(this.bob, soon.plus(Duration.ofHours(2)), 1, "\"provisional\":true", this.ann);
		assertThat(sweep().get("fired").asLong()).isZero();
		// when
		this.clock.advance(Duration.ofMinutes(61));
		JsonNode sweep = sweep();
		// then
		assertThat(sweep.get("fired").asLong()).isEqualTo(1);
		assertThat(status(provisional)).isEqualTo("lapsed");
		assertThat(status(later)).isEqualTo("provisional");
		assertThat(history(provisional).get(1).get("reason").asString()).isEqualTo("Timed out at startsAt");
	}

	@Test
	void theSweepReadsDueBookingsInChunksAndFiresThemAll() {
		// given: more due holds than one chunk holds
		Instant longAgo = this.clock.instant().minus(Duration.ofHours(1));
		for (int i = 0; i < 250; i++) {
			this.data.update("""
					INSERT INTO booking (client_id, team_id, occurrence_date, starts_at, ends_at, carers_required,
					status, created_at, last_activity_at) VALUES (?, ?, ?, ?, ?, 1, 'held', ?, ?)
					""", this.bob, this.north, this.visit.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
					BookingTestData.utc(this.visit.plusSeconds(i * 60L)),
					BookingTestData.utc(this.visit.plusSeconds(i * 60L + 1800)), BookingTestData.utc(longAgo),
					BookingTestData.utc(longAgo));
		}
		// when
		BookingSweep.SweepResult result = this.bookingSweep.run("TEST");
		// then
		assertThat(result.read()).isEqualTo(250);
		assertThat(result.fired()).isEqualTo(250);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking WHERE status = 'aborted'").query(Long.class).single())
			.isEqualTo(250);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e
				ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID WHERE e.JOB_EXECUTION_ID = ? AND s.COMMIT_COUNT >= 3
				""").param(result.jobExecutionId()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theScheduledSweepStartsNoJobWhenNothingIsDue() {
		// given
		book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		long before = jobInstances();
		// when
		this.bookingSweep.sweepOnSchedule();
		long quiet = jobInstances();
		this.clock.advance(Duration.ofMinutes(25));
		this.bookingSweep.sweepOnSchedule();
		// then
		assertThat(quiet).isEqualTo(before);
		assertThat(jobInstances()).isEqualTo(before + 1);
	}

	@Test
	void theSweepEndpointNeedsAdminAndReportsWhatIsDue() {
		// given
		book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		this.clock.advance(Duration.ofMinutes(30));
		// when
		Api.Response status = this.api.get("admin", "/actuator/bookingsweep");
		Api.Response byCoordinator = this.api.post("coordinator", "/actuator/bookingsweep", null);
		// then
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().get("due").asLong()).isEqualTo(1);
		assertThat(byCoordinator.status()).isEqualTo(403);
	}

	private long jobInstances() {
		List<Long> count = this.jdbc
			.sql("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = '" + BookingSweepJobConfiguration.JOB + "'")
			.query(Long.class)
			.list();
		return count.get(0);
	}

}
