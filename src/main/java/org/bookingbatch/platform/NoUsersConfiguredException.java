package org.bookingbatch.platform;

/**
 * Thrown at start-up when an external database is used and no users are configured.
 */
class NoUsersConfiguredException extends IllegalStateException {

	NoUsersConfiguredException(String message) {
		super(message);
	}

}
