package org.bookingbatch.booking;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes of a booking's carers, validated by the rules about carers, fire dispatch,
 * partially_dispatch and undispatch_stops by themselves.
 */
class BookingAllocationIntegrationTests extends LifecycleIntegrationTestSupport {

	@Test
	void allocatingEverySlotDispatchesAndRemovingThemUndispatches() {
		// given
		long booking = book(this.bob, this.visit, 1, "");
		// when
		Api.Response dispatched = changeCarers(booking, this.ann);
		Api.Response undispatched = changeCarers(booking);
		// then
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		assertThat(dispatched.json().get("status").asString()).isEqualTo("dispatched");
		assertThat(dispatched.json().get("carerIds").get(0).asLong()).isEqualTo(this.ann);
		assertThat(undispatched.json().get("status").asString()).isEqualTo("to_be_dispatched");
		assertThat(transitions(booking)).containsExactly("created", "dispatch", "undispatch_stops");
		JsonNode dispatch = history(booking).get(1);
		assertThat(dispatch.get("actor").asString()).isEqualTo("coordinator");
		assertThat(dispatch.get("reason").asString()).isEqualTo("Carers changed");
	}

	@Test
	void aDoubleHandedVisitMovesThroughPartialDispatchBothWays() {
		// given
		long booking = book(this.bob, this.visit, 2, "");
		// when
		changeCarers(booking, this.ann);
		String partially = status(booking);
		changeCarers(booking, this.ann, this.cal);
		String dispatched = status(booking);
		changeCarers(booking, this.cal);
		String backToPartially = status(booking);
		// then
		assertThat(partially).isEqualTo("partially_dispatched");
		assertThat(dispatched).isEqualTo("dispatched");
		assertThat(backToPartially).isEqualTo("partially_dispatched");
		assertThat(transitions(booking)).containsExactly("created", "partially_dispatch", "dispatch",
				"undispatch_stops");
	}

	@Test
	void swappingACarerKeepsTheStatusAndLeavesNoHistory() {
		// given
		long booking = book(this.bob, this.visit, 1, "", this.ann);
		// when
		Api.Response swapped = changeCarers(booking, this.cal);
		// then
		assertThat(swapped.json().get("status").asString()).isEqualTo("dispatched");
		assertThat(carers(booking)).containsExactly(this.cal);
		assertThat(transitions(booking)).containsExactly("created");
	}

	@Test
	void aNewCarerWhoIsBusyIsRefusedButTheBookingsOwnCarersAreNoClash() {
		// given
		long busy = book(this.eve, this.visit, 1, "", this.cal);
		long booking = book(this.bob, this.visit, 2, "", this.ann);
		// when
		Api.Response clash = changeCarers(booking, this.ann, this.cal);
		Api.Response fine = changeCarers(booking, this.ann, this.dan);
		// then
		assertThat(clash.status()).isEqualTo(422);
		assertThat(clash.json().get("issues").get(0).get("code").asString()).isEqualTo("CARER_CLASH");
		assertThat(clash.body()).contains("Cal Fry", "booking " + busy);
		assertThat(fine.status()).isEqualTo(200);
		assertThat(fine.json().get("status").asString()).isEqualTo("dispatched");
	}

	@Test
	void aBatchBookingWithChangedCarersIsNotAlreadyBookedByItself() {
		// given
		long entry = this.data.scheduleEntry(this.bob, this.north);
		long booking = this.data.booking(this.bob, this.north, entry,
				this.visit.atZone(java.time.ZoneOffset.UTC).toLocalDate(), this.visit,
				this.visit.plus(Duration.ofMinutes(30)), "to_be_dispatched");
		// when
		Api.Response changed = changeCarers(booking, this.ann);
		// then
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("status").asString()).isEqualTo("dispatched");
	}

	@Test
	void malformedCarerListsAreBadRequests() {
		// given
		long booking = book(this.bob, this.visit, 1, "");
		// when
		Api.Response tooMany = changeCarers(booking, this.ann, this.cal);
		Api.Response unknown = changeCarers(booking, 999_999);
		Api.Response missing = this.api.put("coordinator", "/api/bookings/" + booking + "/carers", "{}");
		Api.Response notFound = changeCarers(999_999, this.ann);
		// then
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("does not exist");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(this.api.put("viewer", "/api/bookings/" + booking + "/carers", "{\"carerIds\":[]}").status())
			.isEqualTo(403);
	}

	@Test
	void theCarersOfADoneOrCancelledBookingCannotChange() {
		// given
		long done = book(this.bob, this.visit, 1, "", this.ann);
		fire("coordinator", done, "complete_stops", "{}");
		long cancelled = book(this.bob, this.visit.plus(Duration.ofHours(1)), 1, "", this.ann);
		fire("coordinator", cancelled, "cancel", "{\"reason\":\"x\"}");
		// when
		Api.Response doneRefused = changeCarers(done, this.cal);
		Api.Response cancelledRefused = changeCarers(cancelled, this.cal);
		// then
		assertThat(doneRefused.status()).isEqualTo(409);
		assertThat(doneRefused.json().get("bookingStatus").asString()).isEqualTo("done");
		assertThat(cancelledRefused.status()).isEqualTo(409);
	}

	@Test
	void theCarersOfAHoldCanChangeWithoutLeavingTheHold() {
		// given
		long held = book(this.bob, this.visit, 1, "\"hold\":true");
		// when
		Api.Response changed = changeCarers(held, this.ann);
		// then
		assertThat(changed.json().get("status").asString()).isEqualTo("held");
		assertThat(fire("coordinator", held, "confirm_hold", "{}").json().get("status").asString())
			.isEqualTo("dispatched");
	}

}
