package org.bookingbatch.booking;

/**
 * One problem a rule found with a candidate, with a message a care coordinator
 * understands.
 */
public record ValidationIssue(IssueCode code, Severity severity, String message) {

	public ValidationIssue(IssueCode code, String message) {
		this(code, code.severity(), message);
	}

}
