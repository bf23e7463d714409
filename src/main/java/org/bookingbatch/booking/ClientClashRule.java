package org.bookingbatch.booking;

import java.util.ArrayList;
import java.util.List;

import org.bookingbatch.booking.ValidationContext.ExistingBooking;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CLIENT_CLASH: the client already has a booking that overlaps the visit, or another
 * visit of the same batch (another candidate or a peer) overlaps it. Off when
 * {@code booking.validation.allow-client-overlap} is true.
 */
@Component
@Order(40)
class ClientClashRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		if (context.settings().allowClientOverlap()) {
			return List.of();
		}
		IssueFormat format = context.format();
		String client = context.clientName(candidate.clientId());
		List<ValidationIssue> issues = new ArrayList<>();
		for (ExistingBooking booking : context.clientBookingsOverlapping(candidate)) {
			issues.add(new ValidationIssue(IssueCode.CLIENT_CLASH,
					"Client " + client + " already has a visit "
							+ format.times(booking.startsAt(), booking.endsAt(), candidate.occurrenceDate())
							+ " (booking " + booking.id() + ")"));
		}
		for (BookingCandidate other : context.otherVisitsOfClient(candidate)) {
			issues.add(
					new ValidationIssue(IssueCode.CLIENT_CLASH, "Client " + client + " has another visit of this batch "
							+ format.times(other.startsAt(), other.endsAt(), candidate.occurrenceDate())));
		}
		return issues;
	}

}
