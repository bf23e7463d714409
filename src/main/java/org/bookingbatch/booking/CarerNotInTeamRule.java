package org.bookingbatch.booking;

import java.util.ArrayList;
import java.util.List;

import org.bookingbatch.booking.ValidationContext.Carer;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CARER_NOT_IN_TEAM: a carer may only be allocated to a visit of a team they belong to.
 */
@Component
@Order(60)
class CarerNotInTeamRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		List<ValidationIssue> issues = new ArrayList<>();
		for (long carerId : ValidationContext.allocatedCarers(candidate)) {
			Carer carer = context.carer(carerId);
			if (carer != null && !carer.teamIds().contains(candidate.teamId())) {
				issues.add(new ValidationIssue(IssueCode.CARER_NOT_IN_TEAM,
						"Carer " + carer.name() + " is not in team " + context.teamName(candidate.teamId())));
			}
		}
		return issues;
	}

}
