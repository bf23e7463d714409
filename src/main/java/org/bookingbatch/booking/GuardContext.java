package org.bookingbatch.booking;

import java.util.List;

/**
 * What the guards of the status model look at: the booking's allocation, what the
 * creation asked for, the provider's settings and the fields of the transition request.
 *
 * @param carersRequired the booking's carer slots
 * @param carerIds the allocated carers
 * @param holdRequested whether a one-off booking was asked to start as a hold
 * @param provisionalRequested whether the booking was asked to start provisional
 * @param paymentsEnabled {@code booking.lifecycle.payments-enabled}
 * @param fields the request's fields
 */
record GuardContext(int carersRequired, List<Long> carerIds, boolean holdRequested, boolean provisionalRequested,
		boolean paymentsEnabled, TransitionFields fields) {

	static GuardContext creation(int carersRequired, List<Long> carerIds, boolean hold, boolean provisional,
			boolean paymentsEnabled) {
		return new GuardContext(carersRequired, carerIds, hold, provisional, paymentsEnabled, TransitionFields.NONE);
	}

	int allocated() {
		return (int) this.carerIds.stream().distinct().count();
	}

	/** How many allocated carers the request reports as failed. */
	int failedStops() {
		return (int) this.fields.failedCarerIds().stream().distinct().filter(this.carerIds::contains).count();
	}

}
