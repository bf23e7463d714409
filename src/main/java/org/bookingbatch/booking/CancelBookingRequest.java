package org.bookingbatch.booking;

import org.jspecify.annotations.Nullable;

/**
 * Why a booking is cancelled; required.
 */
record CancelBookingRequest(@Nullable String reason) {
}
