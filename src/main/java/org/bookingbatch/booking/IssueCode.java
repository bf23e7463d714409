package org.bookingbatch.booking;

/**
 * The validation rules' issue codes, each with its severity.
 */
public enum IssueCode {

	CLIENT_INACTIVE(Severity.ERROR),

	NO_SERVICE_CONTRACT(Severity.ERROR),

	CLIENT_SUSPENDED(Severity.ERROR),

	CLIENT_CLASH(Severity.ERROR),

	CARER_INACTIVE(Severity.ERROR),

	CARER_NOT_IN_TEAM(Severity.ERROR),

	CARER_UNAVAILABLE(Severity.ERROR),

	CARER_CLASH(Severity.ERROR),

	ALREADY_BOOKED(Severity.ERROR),

	MISSING_ADDRESS(Severity.ERROR),

	UNALLOCATED(Severity.WARNING);

	private final Severity severity;

	IssueCode(Severity severity) {
		this.severity = severity;
	}

	public Severity severity() {
		return this.severity;
	}

}
