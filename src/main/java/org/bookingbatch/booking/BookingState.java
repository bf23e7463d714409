package org.bookingbatch.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the lifecycle reads of a booking, under its row lock.
 *
 * @param carerIds the allocated carers in slot order
 * @param lastActivityAt when the booking last changed or was worked on; timeouts with
 * {@code after} count from it
 */
record BookingState(long id, long clientId, long teamId, @Nullable Long scheduleEntryId, LocalDate occurrenceDate,
		Instant startsAt, Instant endsAt, int carersRequired, List<Long> carerIds, String status,
		Instant lastActivityAt) {

	BookingState withStatus(String status, Instant at) {
		return new BookingState(this.id, this.clientId, this.teamId, this.scheduleEntryId, this.occurrenceDate,
				this.startsAt, this.endsAt, this.carersRequired, this.carerIds, status, at);
	}

	BookingState withCarers(List<Long> carerIds) {
		return new BookingState(this.id, this.clientId, this.teamId, this.scheduleEntryId, this.occurrenceDate,
				this.startsAt, this.endsAt, this.carersRequired, List.copyOf(carerIds), this.status,
				this.lastActivityAt);
	}

	/** The booking as a validation candidate with the given carers. */
	BookingCandidate candidate(List<Long> carerIds) {
		return new BookingCandidate(this.id, this.clientId, this.teamId, this.scheduleEntryId, this.occurrenceDate,
				this.startsAt, this.endsAt, this.carersRequired, carerIds, null);
	}

}
