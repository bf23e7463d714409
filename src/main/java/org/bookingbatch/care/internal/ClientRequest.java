package org.bookingbatch.care.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * @param version on an update, the version the change was based on; a different current
 * version is a conflict
 */
record ClientRequest(@Nullable String name, @Nullable List<@Nullable Long> teamIds, @Nullable Boolean active,
		@Nullable Boolean hasAddress, @Nullable Long version) {
}
