package org.bookingbatch.booking;

import java.util.List;

import org.bookingbatch.booking.ValidationContext.Client;
import org.bookingbatch.booking.ValidationContext.Contract;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * NO_SERVICE_CONTRACT: a visit needs a service contract of the client that is active on
 * the occurrence date; when the schedule entry names a contract, that one.
 */
@Component
@Order(20)
class ServiceContractRule implements ValidationRule {

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		Client client = context.client(candidate.clientId());
		if (client == null) {
			return List.of();
		}
		IssueFormat format = context.format();
		List<Contract> contracts = context.contracts(client.id());
		Long namedId = candidate.serviceContractId();
		if (namedId != null) {
			Contract named = contracts.stream().filter((contract) -> contract.id() == namedId).findFirst().orElse(null);
			if (named == null) {
				return List.of(new ValidationIssue(IssueCode.NO_SERVICE_CONTRACT, "Service contract " + namedId
						+ " of the schedule entry is not a contract of " + client.name()));
			}
			if (!named.activeOn(candidate.occurrenceDate())) {
				String finish = (named.finishDate() != null) ? " to " + format.date(named.finishDate()) : "";
				return List.of(new ValidationIssue(IssueCode.NO_SERVICE_CONTRACT,
						"Service contract " + namedId + " (" + named.serviceType() + ") of " + client.name()
								+ " is not active on " + format.date(candidate.occurrenceDate()) + "; it runs from "
								+ format.date(named.startDate()) + finish));
			}
			return List.of();
		}
		if (contracts.stream().noneMatch((contract) -> contract.activeOn(candidate.occurrenceDate()))) {
			return List.of(new ValidationIssue(IssueCode.NO_SERVICE_CONTRACT, "No service contract of " + client.name()
					+ " is active on " + format.date(candidate.occurrenceDate())));
		}
		return List.of();
	}

}
