package org.bookingbatch.platform;

import java.util.List;

/**
 * A request that breaks one or more field rules; answered 400 with every field error at
 * once.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidRequestException(List<FieldError> errors) {
		super(describe(errors));
		this.errors = List.copyOf(errors);
	}

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** Throws when the list holds any error. */
	public static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
	}

	private static String describe(List<FieldError> errors) {
		return String.join("; ", errors.stream().map((e) -> e.field() + " " + e.message()).toList());
	}

}
