package org.bookingbatch.booking;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event-booking model of config/examples/event-booking-model.yml, walked along its
 * documented paths.
 */
@TestPropertySource(properties = "booking.lifecycle.status-model=file:config/examples/event-booking-model.yml")
class EventBookingModelIntegrationTests extends LifecycleIntegrationTestSupport {

	@Test
	void aCheckoutKeepsItsPlacesForTheReservationPeriodOnly() {
		// given
		long checkout = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		assertThat(status(checkout)).isEqualTo("checkout");
		// when
		this.clock.advance(Duration.ofMinutes(14));
		Api.Response during = this.api.post("coordinator", "/api/bookings",
				oneOff(this.eve, this.visit, 1, "", this.ann));
		this.clock.advance(Duration.ofMinutes(2));
		Api.Response after = this.api.post("coordinator", "/api/bookings",
				oneOff(this.eve, this.visit, 1, "", this.ann));
		String beforeSweep = status(checkout);
		JsonNode sweep = sweep();
		// then
		assertThat(during.status()).isEqualTo(422);
		assertThat(during.body()).contains("CARER_CLASH");
		assertThat(after.status()).isEqualTo(201);
		assertThat(beforeSweep).isEqualTo("checkout");
		assertThat(sweep.get("fired").asLong()).isEqualTo(1);
		assertThat(status(checkout)).isEqualTo("checkout_expired");
	}

	@Test
	void aCheckoutCompletedWithinThePeriodIsComplete() {
		// given
		long checkout = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		this.clock.advance(Duration.ofMinutes(10));
		// when
		Api.Response complete = fire("coordinator", checkout, "complete", "{}");
		this.clock.advance(Duration.ofMinutes(10));
		// then
		assertThat(complete.json().get("status").asString()).isEqualTo("complete");
		assertThat(sweep().get("fired").asLong()).isZero();
		assertThat(status(checkout)).isEqualTo("complete");
	}

	@Test
	void aChargedCancellationOwesMoneyUntilThePaymentIsRecorded() {
		// given
		long booking = book(this.bob, this.visit, 1, "", this.ann);
		assertThat(status(booking)).isEqualTo("complete");
		// when
		Api.Response owes = fire("coordinator", booking, "cancel",
				"{\"reason\":\"Cancelled after the deadline\",\"chargeClient\":true}");
		Api.Response placeFree = this.api.post("coordinator", "/api/bookings",
				oneOff(this.eve, this.visit, 1, "", this.ann));
		Api.Response byCoordinator = fire("coordinator", booking, "record_payment", "{}");
		Api.Response byAdmin = fire("admin", booking, "record_payment", "{\"reason\":\"Paid by card\"}");
		// then
		assertThat(owes.json().get("status").asString()).isEqualTo("owes");
		assertThat(placeFree.status()).isEqualTo(201);
		assertThat(byCoordinator.status()).isEqualTo(403);
		assertThat(byAdmin.json().get("status").asString()).isEqualTo("cancelled");
		assertThat(transitions(booking)).containsExactly("created", "cancel", "record_payment");
	}

	@Test
	void aCancellationWithoutChargeReleasesThePlacesAtOnce() {
		// given
		long booking = book(this.bob, this.visit, 1, "", this.ann);
		// when
		Api.Response cancelled = this.api.post("coordinator", "/api/bookings/" + booking + "/cancel",
				"{\"reason\":\"Illness\"}");
		// then
		assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
		assertThat(
				this.api.post("coordinator", "/api/bookings", oneOff(this.eve, this.visit, 1, "", this.ann)).status())
			.isEqualTo(201);
	}

}
