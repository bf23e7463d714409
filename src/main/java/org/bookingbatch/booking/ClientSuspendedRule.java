package org.bookingbatch.booking;

import java.util.List;

import org.bookingbatch.booking.ValidationContext.Client;
import org.bookingbatch.booking.ValidationContext.Suspension;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CLIENT_SUSPENDED: no visits while the client is suspended (hospital stay, respite,
 * holiday); an open-ended suspension lasts until it is given a finish.
 */
@Component
@Order(30)
class ClientSuspendedRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		Client client = context.client(candidate.clientId());
		if (client == null) {
			return List.of();
		}
		IssueFormat format = context.format();
		return context.suspensionsOverlapping(client.id(), candidate.startsAt(), candidate.endsAt())
			.stream()
			.map((suspension) -> new ValidationIssue(IssueCode.CLIENT_SUSPENDED,
					"Client " + client.name() + " is suspended from " + format.moment(suspension.startsAt())
							+ until(suspension, format) + " (" + suspension.reason() + ")"))
			.toList();
	}

	private static String until(Suspension suspension, IssueFormat format) {
		return (suspension.finishesAt() != null) ? " to " + format.moment(suspension.finishesAt()) : "";
	}

}
