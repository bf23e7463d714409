package org.bookingbatch.care.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * @param version on an update, the version the change was based on; a different current
 * version is a conflict
 */
record CarerRequest(@Nullable String name, @Nullable List<@Nullable Long> teamIds, @Nullable Boolean active,
		@Nullable Boolean hasAddress, @Nullable LocalDate employmentStart, @Nullable LocalDate employmentFinish,
		@Nullable Long version) {
}
