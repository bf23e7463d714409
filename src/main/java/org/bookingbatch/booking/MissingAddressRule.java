package org.bookingbatch.booking;

import java.util.ArrayList;
import java.util.List;

import org.bookingbatch.booking.ValidationContext.Carer;
import org.bookingbatch.booking.ValidationContext.Client;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * MISSING_ADDRESS: the client, or an allocated carer, has no address on record; only when
 * {@code booking.validation.clients-must-have-address} or
 * {@code carers-must-have-address} is on.
 */
@Component
@Order(100)
class MissingAddressRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		ValidationProperties settings = context.settings();
		List<ValidationIssue> issues = new ArrayList<>();
		Client client = context.client(candidate.clientId());
		if (settings.clientsMustHaveAddress() && client != null && !client.hasAddress()) {
			issues.add(new ValidationIssue(IssueCode.MISSING_ADDRESS,
					"Client " + client.name() + " has no address on record"));
		}
		if (settings.carersMustHaveAddress()) {
			for (long carerId : ValidationContext.allocatedCarers(candidate)) {
				Carer carer = context.carer(carerId);
				if (carer != null && !carer.hasAddress()) {
					issues.add(new ValidationIssue(IssueCode.MISSING_ADDRESS,
							"Carer " + carer.name() + " has no address on record"));
				}
			}
		}
		return issues;
	}

}
