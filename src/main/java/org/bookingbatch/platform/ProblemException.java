package org.bookingbatch.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A domain refusal answered as a problem detail with the given status and extra members,
 * such as a 409 naming the batch's status and allowed actions, or a 422 listing
 * validation issues.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	private final Map<String, Object> properties;

	public ProblemException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.title = title;
		this.properties = Map.copyOf(properties);
	}

	public static ProblemException conflict(String detail, Map<String, Object> properties) {
		return new ProblemException(HttpStatus.CONFLICT, "Conflict", detail, properties);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
