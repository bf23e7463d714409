package org.bookingbatch.booking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bookingbatch.booking.status.BookingStatusModel;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the default care model answers to validation and booking generation.
 */
class ModelBookingStatusPolicyTests {

	private final ModelBookingStatusPolicy policy = new ModelBookingStatusPolicy(defaultModel());

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
		assertThat(this.policy.provisionalStatus()).isEqualTo("provisional");
	}

	@Test
	void aHoldOrAProvisionalBookingIsChosenByTheGuardsOfTheInitialStatuses() {
		// then
		assertThat(this.policy.initialStatus(GuardContext.creation(1, List.of(7L), true, false, false)))
			.isEqualTo("held");
		assertThat(this.policy.initialStatus(GuardContext.creation(1, List.of(), false, true, false)))
			.isEqualTo("provisional");
	}

	@Test
	void liveStatusesBeforeTheVisitCanBeCancelled() {
		// then
		assertThat(defaultModel().statuses()
			.stream()
			.map(BookingStatusModel.Status::name)
			.filter(this.policy::cancellable))
			.containsExactly("held", "provisional", "to_be_dispatched", "partially_dispatched", "dispatched");
		assertThat(this.policy.cancelledStatus()).isEqualTo("cancelled");
	}

	@Test
	void guardsOnPaymentsAndStops() {
		// given
		TransitionFields oneFailed = new TransitionFields(null, java.util.Map.of("failedCarerIds", List.of(7L)));
		GuardContext twoCarers = new GuardContext(2, List.of(7L, 8L), false, false, true, oneFailed);
		GuardContext noPayments = new GuardContext(1, List.of(7L), false, false, false, TransitionFields.NONE);
		// then
		assertThat(LifecycleGuard.holds("someStopsFailed", twoCarers)).isTrue();
		assertThat(LifecycleGuard.holds("allStopsFailed", twoCarers)).isFalse();
		assertThat(LifecycleGuard.holds("noStopsFailed", noPayments)).isTrue();
		assertThat(LifecycleGuard.holds("paymentsEnabled", twoCarers)).isTrue();
		assertThat(LifecycleGuard.holds("paymentsDisabled", noPayments)).isTrue();
		assertThat(LifecycleGuard.holds(null, noPayments)).isTrue();
	}

	static BookingStatusModel defaultModel() {
		try {
			return BookingLifecycleConfiguration.reader(new MockEnvironment())
				.read(new ClassPathResource("booking-status-model.yml").getContentAsString(StandardCharsets.UTF_8),
						"default");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
