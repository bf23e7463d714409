package org.bookingbatch.booking;

import java.util.List;

import org.bookingbatch.booking.ValidationContext.ExistingBooking;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * ALREADY_BOOKED: the candidate's occurrence (schedule entry and date) has a booking that
 * counts as booked, cancelled ones included. One-off bookings have no occurrence.
 */
@Component
@Order(90)
class AlreadyBookedRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		ExistingBooking booking = context.bookedOccurrence(candidate);
		if (booking == null) {
			return List.of();
		}
		return List.of(new ValidationIssue(IssueCode.ALREADY_BOOKED,
				"The visit of " + booking.clientName() + " on " + context.format().date(candidate.occurrenceDate())
						+ " is already booked (booking " + booking.id() + ", " + booking.status() + ")"));
	}

}
