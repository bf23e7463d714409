package org.bookingbatch.booking;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the bookings list; every one optional. {@code from} and {@code to} are
 * local occurrence dates, both inclusive.
 */
record BookingFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long clientId, @Nullable Long carerId,
		@Nullable Long teamId, @Nullable Long batchId) {
}
