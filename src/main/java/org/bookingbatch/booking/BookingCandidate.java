package org.bookingbatch.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A booking that may come to exist: a batch entry or a one-off booking, as the validation
 * rules see it.
 *
 * @param key identifies the candidate within one validation call (a batch entry's id; any
 * number for a one-off booking)
 * @param scheduleEntryId the schedule entry it comes from, null for a one-off booking
 * @param occurrenceDate the local date the visit starts on
 * @param carerIds the allocated carers, at most {@code carersRequired}
 * @param serviceContractId the contract the schedule entry names, if any
 */
public record BookingCandidate(long key, long clientId, long teamId, @Nullable Long scheduleEntryId,
		LocalDate occurrenceDate, Instant startsAt, Instant endsAt, int carersRequired, List<Long> carerIds,
		@Nullable Long serviceContractId) {
}
