package org.bookingbatch.booking;

import java.util.List;

/**
 * One rule of validation.md. A rule is a bean; the engine runs every registered rule, in
 * their order, over each candidate. Rules never touch the database: everything they need
 * is in the {@link ValidationContext}.
 */
interface ValidationRule {

	/** The issues this rule finds with the candidate; empty when it has none. */
	List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context);

}
