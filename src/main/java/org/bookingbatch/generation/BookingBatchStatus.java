package org.bookingbatch.generation;

/**
 * The statuses of a booking-generation batch (batch-lifecycle.md).
 */
public enum BookingBatchStatus {

	PENDING("Pending"),

	BUILDING_ENTRIES("Building entries"),

	VALIDATING("Validating"),

	VALIDATED("Ready to review"),

	REVALIDATING("Revalidating"),

	CONFIRMING("Confirming"),

	CONFIRMED("Confirmed"),

	CREATING("Creating"),

	COMPLETED("Completed"),

	PARTIALLY_COMPLETED("Partially completed"),

	FAILED("Failed"),

	CANCELLED("Cancelled");

	private final String label;

	BookingBatchStatus(String label) {
		this.label = label;
	}

	/** The name people see. */
	public String label() {
		return this.label;
	}

	/** Whether the batch has ended: nothing runs for it any more. */
	public boolean isFinished() {
		return this == COMPLETED || this == PARTIALLY_COMPLETED || this == FAILED || this == CANCELLED;
	}

	/** Whether background work is under way (or queued) for the batch. */
	public boolean isRunning() {
		return !isFinished() && this != VALIDATED;
	}

	/**
	 * Whether the batch is mid-creation: it blocks other batches over the same range and
	 * teams.
	 */
	public boolean isMidCreation() {
		return this == CONFIRMING || this == CONFIRMED || this == CREATING;
	}

}
