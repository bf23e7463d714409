package org.bookingbatch.booking;

import java.util.ArrayList;
import java.util.List;

import org.bookingbatch.booking.ValidationContext.ExistingBooking;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CARER_CLASH: an allocated carer already has a booking that overlaps the visit, or is
 * allocated to another overlapping visit of the same batch (another candidate, which gets
 * the issue too, or a peer). Every carer of a double-handed visit is checked.
 */
@Component
@Order(80)
class CarerClashRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		IssueFormat format = context.format();
		List<ValidationIssue> issues = new ArrayList<>();
		for (long carerId : ValidationContext.allocatedCarers(candidate)) {
			String carer = context.carerName(carerId);
			for (ExistingBooking booking : context.carerBookingsOverlapping(carerId, candidate)) {
				issues.add(new ValidationIssue(IssueCode.CARER_CLASH,
						"Carer " + carer + " already has a visit "
								+ format.times(booking.startsAt(), booking.endsAt(), candidate.occurrenceDate())
								+ " with client " + booking.clientName() + " (booking " + booking.id() + ")"));
			}
			for (BookingCandidate other : context.otherVisitsOfCarer(carerId, candidate)) {
				issues.add(new ValidationIssue(IssueCode.CARER_CLASH,
						"Carer " + carer + " is also allocated to another visit of this batch "
								+ format.times(other.startsAt(), other.endsAt(), candidate.occurrenceDate())
								+ " with client " + context.clientName(other.clientId())));
			}
		}
		return issues;
	}

}
