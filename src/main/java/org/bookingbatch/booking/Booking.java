package org.bookingbatch.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A booking on the roster, as the API shows it.
 *
 * @param scheduleEntryId the schedule entry it was generated from, null for a one-off
 * booking
 * @param occurrenceDate the local date the visit starts on
 * @param carerIds the allocated carers in slot order; fewer than {@code carersRequired}
 * when slots are open
 * @param status a status of the booking status model, such as {@code dispatched}
 * @param batchId the batch that created it, null when created otherwise
 */
public record Booking(long id, long clientId, long teamId, @Nullable Long scheduleEntryId, LocalDate occurrenceDate,
		Instant startsAt, Instant endsAt, int carersRequired, List<Long> carerIds, String status,
		@Nullable Long batchId, Instant createdAt) {

	Booking withCarers(List<Long> carerIds) {
		return new Booking(this.id, this.clientId, this.teamId, this.scheduleEntryId, this.occurrenceDate,
				this.startsAt, this.endsAt, this.carersRequired, List.copyOf(carerIds), this.status, this.batchId,
				this.createdAt);
	}

}
