package org.bookingbatch.care.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A client's service contract; visits need one active on their date.
 */
record ServiceContract(long id, long clientId, String serviceType, LocalDate startDate,
		@Nullable LocalDate finishDate) {
}
