package org.bookingbatch.generation;

import org.bookingbatch.platform.Permission;

/**
 * What a user can do with a batch, and the permission each needs.
 */
public enum BatchAction {

	CONFIRM(Permission.CONFIRM_BOOKINGS),

	REFRESH_ENTRIES(Permission.GENERATE_BOOKINGS),

	REVALIDATE_STALE(Permission.GENERATE_BOOKINGS),

	/** Remove entries by id or by issue code ("remove matching"). */
	REMOVE_ENTRIES(Permission.GENERATE_BOOKINGS),

	/** Change an entry's carers, select or deselect entries. */
	EDIT_ENTRIES(Permission.GENERATE_BOOKINGS),

	AUTO_RESOLVE_CLASHES(Permission.GENERATE_BOOKINGS),

	CANCEL(Permission.GENERATE_BOOKINGS),

	FORCE_COMPLETE(Permission.CONFIRM_BOOKINGS),

	DONE(Permission.GENERATE_BOOKINGS),

	RETRY(Permission.GENERATE_BOOKINGS);

	private final Permission permission;

	BatchAction(Permission permission) {
		this.permission = permission;
	}

	public Permission permission() {
		return this.permission;
	}

}
