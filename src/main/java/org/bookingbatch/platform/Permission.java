package org.bookingbatch.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. ADMIN implies every other permission.
 */
public enum Permission {

	/**
	 * Preview, start, edit, refresh, revalidate, cancel, retry and acknowledge batches;
	 * one-off bookings.
	 */
	GENERATE_BOOKINGS,

	/** Confirm batches and force-complete stalled ones. */
	CONFIRM_BOOKINGS,

	/** Read batches, entries, timelines and bookings. */
	VIEW_BOOKINGS,

	/** Everything, including reference data and actuator write operations. */
	ADMIN;

	/** The authorities a user with this permission holds. */
	Set<Permission> implied() {
		return (this == ADMIN) ? EnumSet.allOf(Permission.class) : EnumSet.of(this);
	}

}
