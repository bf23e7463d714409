package org.bookingbatch.booking;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A one-off booking to create. Every field is checked by hand so that all field errors
 * are reported at once.
 *
 * @param carerIds the carers to allocate, at most {@code carersRequired}; none when
 * absent
 * @param carersRequired 1 to 4, 1 when absent
 * @param hold whether the booking starts as a hold (its carer time reserved while it is
 * composed, until the hold times out or is confirmed)
 * @param provisional whether the booking starts provisional (not yet published to carers)
 */
record OneOffBookingRequest(@Nullable Long clientId, @Nullable Long teamId, @Nullable Instant startsAt,
		@Nullable Instant endsAt, @Nullable List<@Nullable Long> carerIds, @Nullable Integer carersRequired,
		@Nullable Boolean hold, @Nullable Boolean provisional) {
}
