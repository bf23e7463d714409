package org.bookingbatch.care.internal;

/**
 * A team (branch) as the API shows it.
 */
record Team(long id, String name) {
}
