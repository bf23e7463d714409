package org.bookingbatch.care.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A carer as the API shows it; {@code version} grows with every change.
 */
record Carer(long id, String name, List<Long> teamIds, boolean active, boolean hasAddress,
		@Nullable LocalDate employmentStart, @Nullable LocalDate employmentFinish, long version) {
}
