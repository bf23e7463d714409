package org.bookingbatch.care.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

record ServiceContractRequest(@Nullable String serviceType, @Nullable LocalDate startDate,
		@Nullable LocalDate finishDate) {
}
