package org.bookingbatch.care.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Optional optimistic locking of updates: a request that names the version it was based
 * on is refused (409) when the row has changed since.
 */
final class Versions {

	private Versions() {
	}

	static void check(@Nullable Long expected, long actual, String what, long id) {
		if (expected != null && expected != actual) {
			throw new OptimisticLockingFailureException(
					what + " " + id + " is at version " + actual + ", not " + expected);
		}
	}

}
