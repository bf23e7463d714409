package org.bookingbatch.booking;

import java.util.List;

import org.bookingbatch.booking.ValidationContext.Client;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CLIENT_INACTIVE: inactive clients (and clients that do not exist) get no new bookings.
 */
@Component
@Order(10)
class ClientInactiveRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		Client client = context.client(candidate.clientId());
		if (client == null) {
			return List.of(new ValidationIssue(IssueCode.CLIENT_INACTIVE,
					"Client " + candidate.clientId() + " does not exist"));
		}
		if (!client.active()) {
			return List.of(new ValidationIssue(IssueCode.CLIENT_INACTIVE, "Client " + client.name() + " is inactive"));
		}
		return List.of();
	}

}
