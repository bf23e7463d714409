package org.bookingbatch.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A created one-off booking, with the warnings validation gave it (such as UNALLOCATED).
 */
record OneOffBookingResponse(long id, long clientId, long teamId, @Nullable Long scheduleEntryId,
		LocalDate occurrenceDate, Instant startsAt, Instant endsAt, int carersRequired, List<Long> carerIds,
		String status, @Nullable Long batchId, Instant createdAt, List<ValidationIssue> issues) {

	static OneOffBookingResponse of(Booking booking, List<ValidationIssue> issues) {
		return new OneOffBookingResponse(booking.id(), booking.clientId(), booking.teamId(), booking.scheduleEntryId(),
				booking.occurrenceDate(), booking.startsAt(), booking.endsAt(), booking.carersRequired(),
				booking.carerIds(), booking.status(), booking.batchId(), booking.createdAt(), issues);
	}

}
