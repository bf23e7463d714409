package org.bookingbatch.booking;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceContractRuleIntegrationTests extends ValidationIntegrationTestSupport {

	long eve;

	@BeforeEach
	void clientWithoutContract() {
		this.eve = this.data.client("Eve Poe", this.north);
	}

	@Test
	void aClientWithoutAnyContractIsAnError() {
		// when
		List<ValidationIssue> issues = issues(visit(1, this.eve, "08:00", 30, this.ann));
		// then
		assertThat(issues).containsExactly(
				error(IssueCode.NO_SERVICE_CONTRACT, "No service contract of Eve Poe is active on 14 Apr 2026"));
	}

	@Test
	void aContractThatFinishedTheDayBeforeIsAnError() {
		// given
		this.data.contract(this.eve, "personal care", LocalDate.of(2026, 1, 1), DAY.minusDays(1));
		// when
		List<ValidationIssue> issues = issues(visit(1, this.eve, "08:00", 30, this.ann));
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.NO_SERVICE_CONTRACT);
	}

	@Test
	void aContractFinishingOnTheDayCoversIt() {
		// given
		this.data.contract(this.eve, "personal care", LocalDate.of(2026, 1, 1), DAY);
		// when
		List<ValidationIssue> issues = issues(visit(1, this.eve, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void aContractStartingOnTheDayCoversItButNotTheDayBefore() {
		// given
		this.data.contract(this.eve, "personal care", DAY, null);
		BookingCandidate onTheDay = visit(1, this.eve, "08:00", 30, this.ann);
		BookingCandidate dayBefore = visitOn(2, this.eve, DAY.minusDays(1), "08:00", 30, this.ann);
		// when
		var issues = validate(onTheDay, dayBefore);
		// then
		assertThat(issues.get(1L)).isEmpty();
		assertThat(issues.get(2L)).containsExactly(
				error(IssueCode.NO_SERVICE_CONTRACT, "No service contract of Eve Poe is active on 13 Apr 2026"));
	}

	@Test
	void anotherClientsContractDoesNotCount() {
		// given: Bob Cox has a contract, Eve Poe has none
		// when
		List<ValidationIssue> issues = issues(visit(1, this.eve, "08:00", 30, this.ann));
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.NO_SERVICE_CONTRACT);
	}

	@Test
	void theContractTheEntryNamesMustBeActiveEvenWhenAnotherOneIs() {
		// given
		this.data.contract(this.eve, "personal care", LocalDate.of(2026, 1, 1), null);
		long ended = this.data.contract(this.eve, "domestic help", LocalDate.of(2026, 1, 1), DAY.minusDays(1));
		// when
		List<ValidationIssue> issues = issues(withContract(visit(1, this.eve, "08:00", 30, this.ann), ended));
		// then
		assertThat(issues).containsExactly(error(IssueCode.NO_SERVICE_CONTRACT, "Service contract " + ended
				+ " (domestic help) of Eve Poe is not active on 14 Apr 2026; it runs from 1 Jan 2026 to 13 Apr 2026"));
	}

	@Test
	void theContractTheEntryNamesCoversItWhenActive() {
		// given
		long contract = this.data.contract(this.eve, "domestic help", LocalDate.of(2026, 4, 1), null);
		// when
		List<ValidationIssue> issues = issues(withContract(visit(1, this.eve, "08:00", 30, this.ann), contract));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void aNamedContractOfAnotherClientDoesNotCount() {
		// given
		this.data.contract(this.eve, "personal care", LocalDate.of(2026, 1, 1), null);
		long bobsContract = this.data.contract(this.bob, "domestic help", LocalDate.of(2026, 1, 1), null);
		// when
		List<ValidationIssue> issues = issues(withContract(visit(1, this.eve, "08:00", 30, this.ann), bobsContract));
		// then
		assertThat(issues).containsExactly(error(IssueCode.NO_SERVICE_CONTRACT,
				"Service contract " + bobsContract + " of the schedule entry is not a contract of Eve Poe"));
	}

}
