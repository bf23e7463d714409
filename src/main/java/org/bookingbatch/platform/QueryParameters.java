package org.bookingbatch.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Filter and sort parameters are whitelisted: a list endpoint names what it understands
 * and anything else is a 400, so that a typo never silently returns everything.
 */
public final class QueryParameters {

	private QueryParameters() {
	}

	/**
	 * Refuses the request if it carries a query parameter other than the given ones, page
	 * and size.
	 */
	public static void allowOnly(HttpServletRequest request, String... names) {
		Set<String> allowed = Set.of(names);
		List<FieldError> errors = new ArrayList<>();
		for (String name : request.getParameterMap().keySet()) {
			if (!allowed.contains(name) && !name.equals("page") && !name.equals("size")) {
				errors.add(new FieldError(name, "is not a known parameter; allowed: "
						+ String.join(", ", allowed.stream().sorted().toList()) + ", page, size"));
			}
		}
		InvalidRequestException.throwIfAny(errors);
	}

}
