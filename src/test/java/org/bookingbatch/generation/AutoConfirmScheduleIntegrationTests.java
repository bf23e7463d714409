package org.bookingbatch.generation;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled overnight generation in auto-confirm-valid mode (the run's mode is kept
 * on its row; the follow-up acts on it).
 */
class AutoConfirmScheduleIntegrationTests extends OperationsIntegrationTestSupport {

	@Autowired
	ScheduledGeneration schedule;

	@Autowired
	ScheduledRunFollowUp followUp;

	@Test
	void validEntriesAreConfirmedAndCreatedAndInvalidOnesStayForReview() {
		// given: five valid and five invalid weekday visits in the window
		validAndInvalidVisits(this.today);
		this.clock.set(at(this.today, LocalTime.of(2, 0)));
		this.schedule.run(this.today, GenerationProperties.ScheduleMode.AUTO_CONFIRM_VALID, "by the test");
		long id = batchIds().get(0);
		awaitStatus(id, "VALIDATED");
		int valid = count(id, "VALID");
		int invalid = count(id, "INVALID");
		assertThat(valid).isEqualTo(5);
		assertThat(invalid).isEqualTo(5);

		// when
		this.followUp.followUp();

		// then
		awaitStatus(id, "COMPLETED");
		assertThat(count(id, "CREATED")).isEqualTo(valid);
		assertThat(count(id, "INVALID")).isEqualTo(invalid);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking WHERE batch_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(valid);
		assertThat(this.jdbc.sql("SELECT actor FROM batch_event WHERE batch_id = ? AND to_status = 'CONFIRMING'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("schedule");
		BatchInvariants.assertHold(this.jdbc, id);

		// when: the next pass finds the run's batch finished
		this.followUp.followUp();

		// then
		assertThat(this.jdbc.sql("SELECT state FROM scheduled_run WHERE run_date = ?")
			.param(this.today)
			.query(String.class)
			.single()).isEqualTo("DONE");
	}

	@Test
	void aBatchWithNothingValidWaitsForReview() {
		// given: only an invalid visit
		long team = this.fixtures.team("North");
		long bob = this.fixtures.client("Bob Day", team);
		this.jdbc.sql("UPDATE client SET active = FALSE WHERE id = ?").param(bob).update();
		this.fixtures.entry(bob, team, WEEKDAYS, LocalTime.of(11, 0), 30, 1, java.util.List.of(), this.today);
		this.clock.set(at(this.today, LocalTime.of(2, 0)));
		this.schedule.run(this.today, GenerationProperties.ScheduleMode.AUTO_CONFIRM_VALID, "by the test");
		long id = batchIds().get(0);
		awaitStatus(id, "VALIDATED");

		// when
		this.followUp.followUp();
		this.followUp.followUp();

		// then
		assertThat(status(id)).isEqualTo("VALIDATED");
		assertThat(timelineTypes(id)).containsOnlyOnce("AUTO_CONFIRM");
	}

	private int count(long batchId, String status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM batch_entry WHERE batch_id = ? AND status = ?")
			.params(batchId, status)
			.query(Integer.class)
			.single();
	}

}
