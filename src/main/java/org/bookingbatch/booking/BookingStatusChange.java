package org.bookingbatch.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One status change of a booking, its creation included, with the booking's fixed facts:
 * what a {@code booking.status_changed} event tells.
 *
 * @param id the history row's id; increases with every change of one booking
 * @param from the status before, null for the creation
 * @param transition the transition's API name, null for the creation
 * @param actor the user, or {@code system} for timeouts
 * @param fields the transition's fields, such as {@code chargeClient}
 */
public record BookingStatusChange(long id, long bookingId, @Nullable String from, String to,
		@Nullable String transition, String actor, Instant at, @Nullable String reason, Map<String, Object> fields,
		long clientId, long teamId, @Nullable Long scheduleEntryId, LocalDate occurrenceDate, Instant startsAt,
		Instant endsAt, @Nullable Long batchId) {
}
