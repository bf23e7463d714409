package org.bookingbatch.booking;

import java.util.Set;

/**
 * What the booking status model in force says about a status, as far as validation,
 * booking generation and cancellation need it. Statuses are the model's API names (lower
 * snake case, such as {@code dispatched}).
 */
public interface BookingStatusPolicy {

	/**
	 * Whether a booking in this status clashes with other visits of its carers and
	 * client.
	 */
	boolean occupiesTime(String status);

	/**
	 * Whether a booking in this status stops its occurrence from being booked again
	 * (cancelled bookings do).
	 */
	boolean countsAsBooked(String status);

	/** Every status that occupies time. */
	Set<String> timeOccupyingStatuses();

	/** Every status that counts as booked. */
	Set<String> bookedStatuses();

	/**
	 * The live status a new booking starts in, given how many of its carer slots are
	 * allocated: none, some or all.
	 */
	String statusForAllocation(int carersRequired, int allocatedCarers);

	/**
	 * The status a booking created provisional (by a batch started with
	 * {@code provisional: true}) starts in; the live status of a fully allocated booking
	 * when the model has no provisional status.
	 */
	String provisionalStatus();

	/** Whether a booking in this status may still be cancelled. */
	boolean cancellable(String status);

	/** The status a cancelled booking ends in. */
	String cancelledStatus();

}
