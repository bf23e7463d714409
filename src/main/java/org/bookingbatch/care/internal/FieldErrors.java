package org.bookingbatch.care.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.bookingbatch.platform.FieldError;
import org.bookingbatch.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Collects every broken field rule of one request, so that the caller gets all of them in
 * a single 400 instead of fixing one field per round trip.
 */
final class FieldErrors {

	private final List<FieldError> errors = new ArrayList<>();

	void add(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	<T> @Nullable T required(String field, @Nullable T value) {
		if (value == null) {
			add(field, "is required");
		}
		return value;
	}

	/**
	 * A required text of at most {@code maxLength} characters (the column's size),
	 * returned without surrounding white space.
	 */
	@Nullable String text(String field, @Nullable String value, int maxLength) {
		if (value == null || value.isBlank()) {
			add(field, "must not be blank");
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > maxLength) {
			add(field, "must be at most " + maxLength + " characters long");
			return null;
		}
		return stripped;
	}

	/** Checks an integer against an inclusive range, unless it is missing. */
	boolean inRange(String field, @Nullable Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			add(field, "must be between " + min + " and " + max);
			return false;
		}
		return value != null;
	}

	/** Local times are whole minutes ({@code HH:mm}), like the schedule screens. */
	void wholeMinutes(String field, @Nullable LocalTime time) {
		if (time != null && (time.getSecond() != 0 || time.getNano() != 0)) {
			add(field, "must be a whole minute (HH:mm)");
		}
	}

	void throwIfAny() {
		InvalidRequestException.throwIfAny(this.errors);
	}

}
