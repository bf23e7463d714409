package org.bookingbatch.booking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultBookingStatusPolicyTests {

	private final DefaultBookingStatusPolicy policy = new DefaultBookingStatusPolicy();

	@Test
	void theDefaultModelHasTheTwelveStatusesOfTheCareModel() {
		// then
		assertThat(this.policy.statuses()).containsExactly("held", "aborted", "provisional", "lapsed",
				"to_be_dispatched", "partially_dispatched", "dispatched", "done", "processing_payment", "paid",
				"cancelled", "owes");
	}

	@Test
	void statusesThatOccupyTime() {
		// then
		assertThat(this.policy.timeOccupyingStatuses()).containsExactlyInAnyOrder("held", "provisional",
				"to_be_dispatched", "partially_dispatched", "dispatched", "done", "processing_payment", "paid");
		assertThat(this.policy.occupiesTime("cancelled")).isFalse();
		assertThat(this.policy.occupiesTime("owes")).isFalse();
		assertThat(this.policy.occupiesTime("aborted")).isFalse();
		assertThat(this.policy.occupiesTime("lapsed")).isFalse();
		assertThat(this.policy.occupiesTime("held")).isTrue();
		assertThat(this.policy.occupiesTime("unknown")).isFalse();
	}

	@Test
	void statusesThatCountAsBooked() {
		// then
		assertThat(this.policy.bookedStatuses()).containsExactlyInAnyOrder("provisional", "lapsed", "to_be_dispatched",
				"partially_dispatched", "dispatched", "done", "processing_payment", "paid", "cancelled", "owes");
		assertThat(this.policy.countsAsBooked("cancelled")).isTrue();
		assertThat(this.policy.countsAsBooked("held")).isFalse();
		assertThat(this.policy.countsAsBooked("aborted")).isFalse();
	}

	@Test
	void aNewBookingsStatusFollowsItsAllocation() {
		// then
		assertThat(this.policy.statusForAllocation(1, 0)).isEqualTo("to_be_dispatched");
		assertThat(this.policy.statusForAllocation(2, 1)).isEqualTo("partially_dispatched");
		assertThat(this.policy.statusForAllocation(2, 2)).isEqualTo("dispatched");
		assertThat(this.policy.statusForAllocation(1, 1)).isEqualTo("dispatched");
	}

	@Test
	void liveStatusesBeforeTheVisitCanBeCancelled() {
		// then
		assertThat(this.policy.statuses().stream().filter(this.policy::cancellable)).containsExactly("held",
				"provisional", "to_be_dispatched", "partially_dispatched", "dispatched");
		assertThat(this.policy.cancelledStatus()).isEqualTo("cancelled");
	}

}
