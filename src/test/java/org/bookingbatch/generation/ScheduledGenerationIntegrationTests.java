package org.bookingbatch.generation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled overnight generation in review mode, with the clock moved by the test.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledGenerationIntegrationTests extends OperationsIntegrationTestSupport {

	@Autowired
	ScheduledGeneration schedule;

	@Autowired
	ScheduledRunFollowUp followUp;

	@Test
	void aFiringOnTheMinuteIsLoggedWithItsSeconds(CapturedOutput output) {
		// given
		validAndInvalidVisits(this.today);
		this.clock.set(at(this.today, LocalTime.of(2, 0)));
		// when
		this.schedule.fire();
		// then: as every other firing, so that the nodes' logs line up by the second
		assertThat(output).contains("Scheduled run of " + this.today + " fired on schedule at 02:00:00 on node");
		awaitStatus(batchIds().get(0), "VALIDATED");
	}

	@Test
	void scheduledRunStartsOneBatchForTheWindowThatWaitsForReview() {
		// given
		validAndInvalidVisits(this.today);
		this.clock.set(at(this.today, LocalTime.of(2, 0)));

		// when: the cron fires, and fires again the same night
		this.schedule.fire();
		this.clock.advance(Duration.ofMinutes(1));
		this.schedule.fire();

		// then
		assertThat(batchIds()).hasSize(1);
		long id = batchIds().get(0);
		BookingBatchRow batch = batch(id);
		assertThat(batch.origin()).isEqualTo("SCHEDULE");
		assertThat(batch.createdBy()).isEqualTo("schedule");
		assertThat(batch.from()).isEqualTo(this.today.plusDays(14));
		assertThat(batch.to()).isEqualTo(this.today.plusDays(20));
		awaitStatus(id, "VALIDATED");
		assertThat(this.jdbc.sql("SELECT batch_id FROM scheduled_run WHERE run_date = ?")
			.param(this.today)
			.query(Long.class)
			.single()).isEqualTo(id);
		assertThat(this.jdbc.sql("SELECT mode FROM scheduled_run WHERE run_date = ?")
			.param(this.today)
			.query(String.class)
			.single()).isEqualTo("REVIEW");

		// when: the follow-up passes in review mode
		this.followUp.followUp();

		// then: the batch still waits for a coordinator
		assertThat(status(id)).isEqualTo("VALIDATED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking").query(Integer.class).single()).isZero();
		assertThat(timelineTypes(id)).doesNotContain("AUTO_CONFIRM");

		// and the endpoint shows the last and the next run
		JsonNode schedule = this.http.get("admin", "/actuator/bookinggeneration").json().get("schedule");
		assertThat(schedule.get("enabled").asBoolean()).isTrue();
		assertThat(schedule.get("mode").asString()).isEqualTo("review");
		assertThat(schedule.get("lastRun").get("date").asString()).isEqualTo(this.today.toString());
		assertThat(schedule.get("lastRun").get("batchId").asLong()).isEqualTo(id);
		assertThat(schedule.get("lastRun").get("state").asString()).isEqualTo("OPEN");
		assertThat(schedule.get("nextRun").asString())
			.isEqualTo(at(this.today.plusDays(1), LocalTime.of(2, 0)).toString());
	}

	@Test
	void twoNodesRunningTheSameNightAtOnceStartOneBatch() throws Exception {
		// given: the date's key is the only guard (the launch lock is not taken here)
		validAndInvalidVisits(this.today);
		this.clock.set(at(this.today, LocalTime.of(2, 0)));
		CyclicBarrier together = new CyclicBarrier(2);

		// when
		List<CompletableFuture<Optional<Long>>> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(CompletableFuture.supplyAsync(() -> {
				try {
					together.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return this.schedule.run(this.today, "by the test");
			}));
		}

		// then
		List<Optional<Long>> started = new ArrayList<>();
		for (CompletableFuture<Optional<Long>> run : runs) {
			started.add(run.get());
		}
		assertThat(started).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(batchIds()).hasSize(1);
		awaitStatus(batchIds().get(0), "VALIDATED");
	}

	@Test
	void aNodeThatFindsTheLaunchLockHeldDoesNotRun() {
		// given: another node holds the lock
		this.jdbc
			.sql("""
					UPDATE shedlock SET lock_until = TIMESTAMPADD(MINUTE, 5, UTC_TIMESTAMP(3)), locked_at = UTC_TIMESTAMP(3),
					locked_by = 'other' WHERE name = 'scheduled-generation'
					""")
			.update();
		this.clock.set(at(this.today, LocalTime.of(2, 0)));

		// when
		this.schedule.fire();

		// then
		assertThat(batchIds()).isEmpty();

		// when: the lock is free again
		this.jdbc.sql("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3)").update();
		this.schedule.fire();

		// then
		assertThat(batchIds()).hasSize(1);
		awaitStatus(batchIds().get(0), "VALIDATED");
	}

	@Test
	void aMissedRunRunsOnTheNextStartOfTheSameDayAndOnlyOnce() {
		// given: a start before the run is due does nothing
		this.clock.set(at(this.today, LocalTime.of(1, 59)));
		this.schedule.catchUp();
		assertThat(batchIds()).isEmpty();

		// when: the application starts at nine, the night's run was missed
		this.clock.set(at(this.today, LocalTime.of(9, 0)));
		this.schedule.catchUp();

		// then
		assertThat(batchIds()).hasSize(1);
		long id = batchIds().get(0);
		assertThat(batch(id).from()).isEqualTo(this.today.plusDays(14));
		awaitStatus(id, "VALIDATED");

		// when: it restarts later that day
		this.clock.set(at(this.today, LocalTime.of(15, 0)));
		this.schedule.catchUp();

		// then
		assertThat(batchIds()).containsExactly(id);

		// when: the next day, the night's run is due again
		this.clock.set(at(this.today.plusDays(1), LocalTime.of(2, 0)));
		this.schedule.fire();

		// then
		assertThat(batchIds()).hasSize(2);
		awaitStatus(batchIds().get(1), "VALIDATED");
	}

	@Test
	void aFailedScheduledBatchIsRetriedWithBackOffUntilNoRetryIsLeft() {
		// given: a schedule entry whose cycle is broken makes every build fail
		long team = this.fixtures.team("North");
		long alice = this.fixtures.client("Alice Cox", team);
		long entry = this.fixtures.entry(alice, team, WEEKDAYS, LocalTime.of(9, 0), 30, 1, List.of(), this.today);
		this.jdbc.sql("UPDATE schedule_entry SET cycle_weeks = 0 WHERE id = ?").param(entry).update();
		this.clock.set(at(this.today, LocalTime.of(2, 0)));

		// when
		this.schedule.fire();
		long first = batchIds().get(0);
		awaitStatus(first, "FAILED");
		this.followUp.followUp();

		// then: the retry waits for its back-off
		assertThat(timelineTypes(first)).contains("RETRY_SCHEDULED");
		assertThat(timelineMessage(first, "RETRY_SCHEDULED")).contains("retry 1 of 2", "back-off 10 minutes");
		this.clock.advance(Duration.ofMinutes(9));
		this.followUp.followUp();
		assertThat(batchIds()).hasSize(1);

		// when: the back-off has passed
		this.clock.advance(Duration.ofMinutes(2));
		this.followUp.followUp();

		// then: a new batch with origin RETRY, linked both ways, on both timelines
		assertThat(batchIds()).hasSize(2);
		long second = batchIds().get(1);
		BookingBatchRow retry = batch(second);
		assertThat(retry.origin()).isEqualTo("RETRY");
		assertThat(retry.retryOfId()).isEqualTo(first);
		assertThat(retry.createdBy()).isEqualTo("schedule");
		assertThat(timelineTypes(first)).contains("RETRIED");
		assertThat(timelineTypes(second)).contains("RETRY_OF", "AUTOMATIC_RETRY");

		// when: the retry fails too; the second back-off is twice as long
		awaitStatus(second, "FAILED");
		this.followUp.followUp();
		assertThat(timelineMessage(second, "RETRY_SCHEDULED")).contains("retry 2 of 2", "back-off 20 minutes");
		this.clock.advance(Duration.ofMinutes(15));
		this.followUp.followUp();
		assertThat(batchIds()).hasSize(2);
		this.clock.advance(Duration.ofMinutes(6));
		this.followUp.followUp();
		assertThat(batchIds()).hasSize(3);
		long third = batchIds().get(2);
		awaitStatus(third, "FAILED");
		this.followUp.followUp();
		this.clock.advance(Duration.ofHours(2));
		this.followUp.followUp();

		// then: no retry is left
		assertThat(batchIds()).hasSize(3);
		assertThat(timelineTypes(third)).contains("SCHEDULE_GAVE_UP");
		assertThat(this.jdbc.sql("SELECT state FROM scheduled_run WHERE run_date = ?")
			.param(this.today)
			.query(String.class)
			.single()).isEqualTo("GAVE_UP");
		assertThat(this.jdbc.sql("SELECT retries FROM scheduled_run WHERE run_date = ?")
			.param(this.today)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aRunThatCannotStartIsRecordedAsRefused() {
		// given: a batch mid-creation blocks the window
		LocalDate from = this.today.plusDays(14);
		this.jdbc.sql("""
				INSERT INTO booking_batch (name, from_date, to_date, status, origin, created_by, created_at, updated_at,
				owner_node, heartbeat_at) VALUES ('Blocking', ?, ?, 'CREATING', 'ADMIN', 'admin', ?, ?, 'ops-review', ?)
				""")
			.params(from, from.plusDays(6), java.sql.Timestamp.from(this.clock.instant()),
					java.sql.Timestamp.from(this.clock.instant()), java.sql.Timestamp.from(this.clock.instant()))
			.update();
		this.clock.set(at(this.today, LocalTime.of(2, 0)));

		// when
		this.schedule.fire();
		this.schedule.fire();

		// then
		assertThat(batchIds()).hasSize(1);
		assertThat(this.jdbc.sql("SELECT state FROM scheduled_run WHERE run_date = ?")
			.param(this.today)
			.query(String.class)
			.single()).isEqualTo("REFUSED");
		assertThat(this.jdbc.sql("SELECT message FROM scheduled_run WHERE run_date = ?")
			.param(this.today)
			.query(String.class)
			.single()).contains("No batch started");
		this.jdbc.sql("UPDATE booking_batch SET status = 'CANCELLED'").update();
	}

	private String timelineMessage(long batchId, String type) {
		return this.jdbc.sql("SELECT message FROM batch_event WHERE batch_id = ? AND type = ? ORDER BY id DESC LIMIT 1")
			.params(batchId, type)
			.query(String.class)
			.single();
	}

	private BookingBatchRow batch(long id) {
		return this.jdbc.sql("""
				SELECT origin, created_by, from_date, to_date, retry_of_id FROM booking_batch WHERE id = ?
				""")
			.param(id)
			.query((rs, row) -> new BookingBatchRow(rs.getString("origin"), rs.getString("created_by"),
					rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
					BatchRepository.nullableLong(rs, "retry_of_id")))
			.single();
	}

	private record BookingBatchRow(String origin, String createdBy, LocalDate from, LocalDate to, Long retryOfId) {
	}

}
