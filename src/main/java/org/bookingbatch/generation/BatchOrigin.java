package org.bookingbatch.generation;

/**
 * Who started a batch.
 */
public enum BatchOrigin {

	ADMIN, ACTUATOR, SCHEDULE, RETRY

}
