package org.bookingbatch.booking;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * UNALLOCATED (a warning): fewer carers are allocated than the visit requires; the
 * booking is created with open slots.
 */
@Component
@Order(110)
class UnallocatedRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		int allocated = ValidationContext.allocatedCarers(candidate).size();
		int open = candidate.carersRequired() - allocated;
		if (open <= 0) {
			return List.of();
		}
		String slots = open + ((open == 1) ? " open slot" : " open slots");
		String message = (allocated == 0) ? "No carer is allocated; the visit gets " + slots
				: allocated + " of " + candidate.carersRequired() + " carers are allocated; the visit gets " + slots;
		return List.of(new ValidationIssue(IssueCode.UNALLOCATED, message));
	}

}
