package org.bookingbatch.booking;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transition of the default care model through the API, with its guards,
 * permissions, refusals and history.
 */
class BookingTransitionsIntegrationTests extends LifecycleIntegrationTestSupport {

	@Test
	void aOneOffBookingStartsInTheStatusItsAllocationGivesOrHeldOrProvisionalWhenAsked() {
		// when
		long none = book(this.bob, this.visit, 1, "");
		long some = book(this.bob, this.visit.plus(Duration.ofHours(1)), 2, "", this.ann);
		long all = book(this.bob, this.visit.plus(Duration.ofHours(2)), 2, "", this.ann, this.cal);
		long held = book(this.bob, this.visit.plus(Duration.ofHours(3)), 1, "\"hold\":true", this.ann);
		long provisional = book(this.bob, this.visit.plus(Duration.ofHours(4)), 1, "\"provisional\":true", this.ann);
		// then
		assertThat(status(none)).isEqualTo("to_be_dispatched");
		assertThat(status(some)).isEqualTo("partially_dispatched");
		assertThat(status(all)).isEqualTo("dispatched");
		assertThat(status(held)).isEqualTo("held");
		assertThat(status(provisional)).isEqualTo("provisional");
		JsonNode created = history(held).get(0);
		assertThat(created.get("bookingId").asLong()).isEqualTo(held);
		assertThat(created.get("from").isNull()).isTrue();
		assertThat(created.get("to").asString()).isEqualTo("held");
		assertThat(created.get("transition").isNull()).isTrue();
		assertThat(created.get("actor").asString()).isEqualTo("coordinator");
		assertThat(created.get("at").asString()).isNotBlank();
	}

	@Test
	void aHoldAndAProvisionalBookingCannotBeAskedForAtOnce() {
		// when
		Api.Response refused = this.api.post("coordinator", "/api/bookings",
				oneOff(this.bob, this.visit, 1, "\"hold\":true,\"provisional\":true"));
		// then
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("provisional");
	}

	@Test
	void confirmHoldMakesTheHoldLiveInTheStatusOfItsAllocation() {
		// given
		long dispatched = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		long partial = book(this.bob, this.visit.plus(Duration.ofHours(1)), 2, "\"hold\":true", this.ann);
		long unallocated = book(this.bob, this.visit.plus(Duration.ofHours(2)), 1, "\"hold\":true");
		// when
		Api.Response confirmed = fire("planner", dispatched, "confirm_hold", "{\"reason\":\"Family agreed\"}");
		fire("planner", partial, "confirm_hold", "{}");
		fire("planner", unallocated, "confirm_hold", null);
		// then
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("dispatched");
		assertThat(status(partial)).isEqualTo("partially_dispatched");
		assertThat(status(unallocated)).isEqualTo("to_be_dispatched");
		JsonNode change = history(dispatched).get(1);
		assertThat(change.get("from").asString()).isEqualTo("held");
		assertThat(change.get("to").asString()).isEqualTo("dispatched");
		assertThat(change.get("transition").asString()).isEqualTo("confirm_hold");
		assertThat(change.get("actor").asString()).isEqualTo("planner");
		assertThat(change.get("reason").asString()).isEqualTo("Family agreed");
	}

	@Test
	void abortEndsAHoldAndFreesItsCarer() {
		// given
		long held = book(this.bob, this.visit, 1, "\"hold\":true", this.ann);
		// when
		Api.Response aborted = fire("planner", held, "abort", "{\"reason\":\"Changed their mind\"}");
		// then
		assertThat(aborted.json().get("status").asString()).isEqualTo("aborted");
		assertThat(
				this.api.post("coordinator", "/api/bookings", oneOff(this.eve, this.visit, 1, "", this.ann)).status())
			.isEqualTo(201);
	}

	@Test
	void publishNeedsTheConfirmPermissionAndMakesAProvisionalBookingLive() {
		// given
		long provisional = book(this.bob, this.visit, 2, "\"provisional\":true", this.ann);
		// when
		Api.Response byPlanner = fire("planner", provisional, "publish", "{}");
		Api.Response byCoordinator = fire("coordinator", provisional, "publish", "{}");
		// then
		assertThat(byPlanner.status()).isEqualTo(403);
		assertThat(byPlanner.body()).contains("CONFIRM_BOOKINGS");
		assertThat(byCoordinator.status()).isEqualTo(200);
		assertThat(byCoordinator.json().get("status").asString()).isEqualTo("partially_dispatched");
	}

	@Test
	void aTransitionTheStatusDoesNotAllowIsAConflictListingTheAllowedOnes() {
		// given
		long dispatched = book(this.bob, this.visit, 1, "", this.ann);
		// when
		Api.Response refused = fire("coordinator", dispatched, "publish", "{}");
		// then
		assertThat(refused.status()).isEqualTo(409);
		JsonNode problem = refused.json();
		assertThat(problem.get("bookingStatus").asString()).isEqualTo("dispatched");
		assertThat(problem.get("allowedTransitions").valueStream().map(JsonNode::asString))
			.containsExactly("complete_stops", "cancel");
		assertThat(problem.get("detail").asString()).contains("dispatched", "publish");
	}

	@Test
	void unknownAndSystemTransitionsAreRefused() {
		// given
		long booking = book(this.bob, this.visit, 1, "");
		// when
		Api.Response unknown = fire("admin", booking, "teleport", "{}");
		Api.Response system = fire("admin", booking, "dispatch", "{}");
		Api.Response missing = fire("admin", 999_999, "cancel", "{\"reason\":\"x\"}");
		// then
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("allowedTransitions").valueStream().map(JsonNode::asString))
			.containsExactly("cancel");
		assertThat(system.status()).isEqualTo(403);
		assertThat(system.body()).contains("fired by the application");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(fire(null, booking, "cancel", "{\"reason\":\"x\"}").status()).isEqualTo(401);
	}

	@Test
	void fieldsAreCheckedAgainstTheTransition() {
		// given
		long booking = book(this.bob, this.visit, 1, "", this.ann);
		// when
		Api.Response unknownField = fire("coordinator", booking, "cancel", "{\"reason\":\"x\",\"refund\":true}");
		Api.Response wrongType = fire("coordinator", booking, "cancel", "{\"reason\":\"x\",\"chargeClient\":\"yes\"}");
		Api.Response noReason = fire("coordinator", booking, "cancel", "{\"chargeClient\":true}");
		Api.Response notAllocated = fire("coordinator", booking, "complete_stops",
				"{\"failedCarerIds\":[" + this.cal + "]}");
		// then
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.body()).contains("refund", "chargeClient", "payCarer");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.body()).contains("chargeClient", "must be true or false");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason", "must not be blank");
		assertThat(notAllocated.status()).isEqualTo(400);
		assertThat(status(booking)).isEqualTo("dispatched");
	}

	@Test
	void cancelWithAChargeOwesUntilPaidAndCancelWithoutEndsCancelled() {
		// given
		long charged = book(this.bob, this.visit, 1, "", this.ann);
		long free = book(this.bob, this.visit.plus(Duration.ofHours(2)), 1, "", this.cal);
		// when
		Api.Response owes = fire("coordinator", charged, "cancel",
				"{\"reason\":\"Cancelled on the doorstep\",\"chargeClient\":true,\"payCarer\":true}");
		Api.Response cancelled = this.api.post("coordinator", "/api/bookings/" + free + "/cancel",
				"{\"reason\":\"In hospital\"}");
		// then
		assertThat(owes.json().get("status").asString()).isEqualTo("owes");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
		assertThat(this.jdbc
			.sql("SELECT CONCAT(cancelled_by, '/', cancel_reason, '/', charge_client, '/', pay_carer) FROM booking"
					+ " WHERE id = ?")
			.param(charged)
			.query(String.class)
			.single()).isEqualTo("coordinator/Cancelled on the doorstep/1/1");
		JsonNode change = history(charged).get(1);
		assertThat(change.get("fields").get("chargeClient").asBoolean()).isTrue();
		assertThat(change.get("fields").get("payCarer").asBoolean()).isTrue();
		// the carer is free again
		assertThat(
				this.api.post("coordinator", "/api/bookings", oneOff(this.eve, this.visit, 1, "", this.ann)).status())
			.isEqualTo(201);
		// the money owed is paid, by an admin only
		assertThat(fire("coordinator", charged, "paid", "{}").status()).isEqualTo(403);
		assertThat(
				fire("admin", charged, "paid", "{\"reason\":\"Invoice 42 settled\"}").json().get("status").asString())
			.isEqualTo("paid");
	}

	@Test
	void theCancelEndpointRefusesABookingThatCanNoLongerBeCancelled() {
		// given
		long booking = book(this.bob, this.visit, 1, "", this.ann);
		fire("coordinator", booking, "complete_stops", "{}");
		// when
		Api.Response refused = this.api.post("coordinator", "/api/bookings/" + booking + "/cancel",
				"{\"reason\":\"Too late\"}");
		Api.Response blank = this.api.post("coordinator", "/api/bookings/" + booking + "/cancel", "{\"reason\":\" \"}");
		// then
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("bookingStatus").asString()).isEqualTo("done");
		assertThat(blank.status()).isEqualTo(400);
	}

	@Test
	void completeStopsEndsDoneOrUnallocatesTheCarersWhoseVisitFailed() {
		// given
		long allWell = book(this.bob, this.visit, 2, "", this.ann, this.cal);
		long someFailed = book(this.bob, this.visit.plus(Duration.ofHours(1)), 2, "", this.ann, this.cal);
		long allFailed = book(this.bob, this.visit.plus(Duration.ofHours(2)), 2, "", this.ann, this.cal);
		// when
		fire("coordinator", allWell, "complete_stops", "{}");
		fire("coordinator", someFailed, "complete_stops", "{\"failedCarerIds\":[" + this.cal + "]}");
		fire("coordinator", allFailed, "complete_stops",
				"{\"failedCarerIds\":[" + this.ann + "," + this.cal + "],\"reason\":\"Nobody home\"}");
		// then
		assertThat(status(allWell)).isEqualTo("done");
		assertThat(status(someFailed)).isEqualTo("partially_dispatched");
		assertThat(carers(someFailed)).containsExactly(this.ann);
		assertThat(status(allFailed)).isEqualTo("to_be_dispatched");
		assertThat(carers(allFailed)).isEmpty();
	}

	@Test
	void withPaymentsDisabledADoneBookingIsPaidAndProcessPaymentIsRefused() {
		// given
		long booking = book(this.bob, this.visit, 1, "", this.ann);
		fire("coordinator", booking, "complete_stops", "{}");
		// when
		Api.Response processing = fire("admin", booking, "process_payment", "{}");
		Api.Response paid = fire("admin", booking, "paid", "{}");
		// then
		assertThat(processing.status()).isEqualTo(409);
		assertThat(processing.body()).contains("paymentsEnabled");
		assertThat(paid.json().get("status").asString()).isEqualTo("paid");
		assertThat(transitions(booking)).containsExactly("created", "complete_stops", "paid");
		assertThat(fire("admin", booking, "cancel", "{\"reason\":\"x\"}").json().get("allowedTransitions").isEmpty())
			.isTrue();
	}

	@Test
	void theHistoryOfAnUnknownBookingIsNotFound() {
		// when
		Api.Response history = this.api.get("viewer", "/api/bookings/999999/history");
		// then
		assertThat(history.status()).isEqualTo(404);
	}

}
