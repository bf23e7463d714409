package org.bookingbatch.booking;

import java.util.ArrayList;
import java.util.List;

import org.bookingbatch.booking.ValidationContext.Carer;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CARER_INACTIVE: an allocated carer is inactive, not yet employed or no longer employed
 * on the occurrence date (or does not exist).
 */
@Component
@Order(50)
class CarerInactiveRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		IssueFormat format = context.format();
		List<ValidationIssue> issues = new ArrayList<>();
		for (long carerId : ValidationContext.allocatedCarers(candidate)) {
			Carer carer = context.carer(carerId);
			String message = null;
			if (carer == null) {
				message = "Carer " + carerId + " does not exist";
			}
			else if (!carer.active()) {
				message = "Carer " + carer.name() + " is inactive";
			}
			else if (carer.employmentStart() != null && carer.employmentStart().isAfter(candidate.occurrenceDate())) {
				message = "Carer " + carer.name() + " is employed only from " + format.date(carer.employmentStart());
			}
			else if (carer.employmentFinish() != null
					&& carer.employmentFinish().isBefore(candidate.occurrenceDate())) {
				message = "Carer " + carer.name() + "'s employment finished on "
						+ format.date(carer.employmentFinish());
			}
			if (message != null) {
				issues.add(new ValidationIssue(IssueCode.CARER_INACTIVE, message));
			}
		}
		return issues;
	}

}
