package org.bookingbatch.booking;

import java.time.Instant;
import java.util.Arrays;

/**
 * The moments of a booking that a timeout of the status model may fire at.
 */
enum BookingMoment {

	/** When the visit starts. */
	STARTS_AT("startsAt", "starts_at"),

	/** When the visit ends. */
	ENDS_AT("endsAt", "ends_at");

	private final String modelName;

	private final String column;

	BookingMoment(String modelName, String column) {
		this.modelName = modelName;
		this.column = column;
	}

	String modelName() {
		return this.modelName;
	}

	/** The booking column that holds the moment. */
	String column() {
		return this.column;
	}

	Instant of(BookingState booking) {
		return (this == STARTS_AT) ? booking.startsAt() : booking.endsAt();
	}

	static BookingMoment named(String name) {
		return Arrays.stream(values())
			.filter((moment) -> moment.modelName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Unknown moment " + name));
	}

}
