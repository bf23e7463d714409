package org.bookingbatch.platform;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Paging query parameters: {@code page} is 0-based (default 0), {@code size} defaults to
 * 50 and is at most 500.
 */
public record PageParams(int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	/** Validates raw query values, reporting both fields at once. */
	public static PageParams of(@Nullable Integer page, @Nullable Integer size) {
		List<FieldError> errors = new ArrayList<>();
		int p = (page != null) ? page : 0;
		int s = (size != null) ? size : DEFAULT_SIZE;
		if (p < 0) {
			errors.add(new FieldError("page", "must be 0 or more"));
		}
		if (s < 1 || s > MAX_SIZE) {
			errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
		}
		InvalidRequestException.throwIfAny(errors);
		return new PageParams(p, s);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
