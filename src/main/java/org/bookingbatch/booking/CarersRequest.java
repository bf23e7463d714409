package org.bookingbatch.booking;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The carers a booking is to have, in slot order; an empty list unallocates it.
 */
record CarersRequest(@Nullable List<@Nullable Long> carerIds) {
}
