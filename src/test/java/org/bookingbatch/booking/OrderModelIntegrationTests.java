package org.bookingbatch.booking;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order model of config/examples/order-model.yml, walked along its documented paths.
 */
@TestPropertySource(properties = "booking.lifecycle.status-model=file:config/examples/order-model.yml")
class OrderModelIntegrationTests extends LifecycleIntegrationTestSupport {

	@Test
	void theModelInForceIsTheOrderModel() {
		// when
		JsonNode model = this.api.get("viewer", "/api/booking-status-model").json();
		// then
		assertThat(model.get("name").asString()).isEqualTo("orders");
		assertThat(model.get("source").asString()).isEqualTo("config/examples/order-model.yml");
	}

	@Test
	void aPendingOrderHoldsItsPlaceAndIsAbortedAfterTwentyMinutesWithoutActivity() {
		// given
		long pending = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		assertThat(status(pending)).isEqualTo("pending");
		assertThat(
				this.api.post("coordinator", "/api/bookings", oneOff(this.eve, this.visit, 1, "", this.ann)).status())
			.isEqualTo(422);
		// when
		this.clock.advance(Duration.ofMinutes(19));
		long firedEarly = sweep().get("fired").asLong();
		this.clock.advance(Duration.ofMinutes(2));
		long firedLate = sweep().get("fired").asLong();
		// then
		assertThat(firedEarly).isZero();
		assertThat(firedLate).isEqualTo(1);
		assertThat(status(pending)).isEqualTo("aborted");
		JsonNode abort = history(pending).get(1);
		assertThat(abort.get("transition").asString()).isEqualTo("abort");
		assertThat(abort.get("actor").asString()).isEqualTo("system");
		assertThat(
				this.api.post("coordinator", "/api/bookings", oneOff(this.eve, this.visit, 1, "", this.ann)).status())
			.isEqualTo(201);
	}

	@Test
	void anAdminCompletesAPendingOrderAsProvisionalAndLaterCompletesIt() {
		// given
		long pending = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		assertThat(fire("coordinator", pending, "complete_as_provisional", "{}").status()).isEqualTo(403);
		assertThat(fire("admin", pending, "complete_as_provisional", "{}").json().get("status").asString())
			.isEqualTo("provisional");
		// when
		Api.Response byCoordinator = fire("coordinator", pending, "complete", "{}");
		Api.Response byAdmin = fire("admin", pending, "complete", "{\"reason\":\"Paid by bank transfer\"}");
		// then
		assertThat(byCoordinator.status()).isEqualTo(403);
		assertThat(byCoordinator.body()).contains("ADMIN");
		assertThat(byAdmin.status()).isEqualTo(200);
		assertThat(byAdmin.json().get("status").asString()).isEqualTo("completed");
		assertThat(transitions(pending)).containsExactly("created", "complete_as_provisional", "complete");
	}

	@Test
	void aProvisionalOrderExpiresWhenItsFirstDateAndTimePass() {
		// given
		Instant soon = this.clock.instant().plus(Duration.ofHours(1));
		long provisional = book(this.bob, soon, 1, "\"provisional\":true", this.ann);
		// when
		this.clock.advance(Duration.ofMinutes(61));
		JsonNode sweep = sweep();
		// then
		assertThat(sweep.get("fired").asLong()).isEqualTo(1);
		assertThat(status(provisional)).isEqualTo("provisional_expired");
	}

	@Test
	void paymentFailureAndTheWaitingListGiveThePlaceUp() {
		// given
		long failed = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		long waiting = book(this.eve, this.visit.plus(Duration.ofHours(1)), 1, "\"hold\":true", this.cal);
		// when
		fire("coordinator", failed, "fail_payment", "{\"reason\":\"Card declined\"}");
		fire("coordinator", waiting, "join_waiting_list", "{}");
		// then
		assertThat(status(failed)).isEqualTo("payment_failure");
		assertThat(status(waiting)).isEqualTo("waiting_list");
		assertThat(
				this.api.post("coordinator", "/api/bookings", oneOff(this.eve, this.visit, 1, "", this.ann)).status())
			.isEqualTo(201);
		assertThat(fire("admin", waiting, "complete", "{}").json().get("status").asString()).isEqualTo("completed");
	}

	@Test
	void completedOrdersAreCancelledByAnAdminOrByTheCustomer() {
		// given
		long byAdmin = book(this.bob, this.visit, 1, "", this.ann);
		long byCustomer = book(this.bob, this.visit.plus(Duration.ofHours(1)), 1, "", this.ann);
		assertThat(status(byAdmin)).isEqualTo("completed");
		// when
		Api.Response withoutReason = fire("admin", byAdmin, "cancel_by_admin", "{}");
		fire("admin", byAdmin, "cancel_by_admin", "{\"reason\":\"Event moved\"}");
		fire("coordinator", byCustomer, "cancel_by_customer", "{}");
		Api.Response legacyCancel = this.api.post("coordinator", "/api/bookings/" + byCustomer + "/cancel",
				"{\"reason\":\"x\"}");
		// then
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(status(byAdmin)).isEqualTo("cancelled_by_admin");
		assertThat(status(byCustomer)).isEqualTo("cancelled_by_customer");
		assertThat(legacyCancel.status()).isEqualTo(404);
		assertThat(legacyCancel.body()).contains("no transition 'cancel'");
	}

}
