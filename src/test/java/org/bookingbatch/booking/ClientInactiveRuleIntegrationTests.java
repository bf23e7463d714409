package org.bookingbatch.booking;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientInactiveRuleIntegrationTests extends ValidationIntegrationTestSupport {

	@Test
	void anActiveClientWithAContractAndAFreeCarerGivesNoIssue() {
		// given
		BookingCandidate visit = visit(1, "08:00", 30, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit);
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void anInactiveClientIsAnError() {
		// given
		this.data.update("UPDATE client SET active = FALSE WHERE id = ?", this.bob);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CLIENT_INACTIVE, "Client Bob Cox is inactive"));
	}

	@Test
	void aClientThatDoesNotExistIsReportedAsInactive() {
		// given
		BookingCandidate visit = visit(1, 999_999, "08:00", 30, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit);
		// then
		assertThat(issues).contains(error(IssueCode.CLIENT_INACTIVE, "Client 999999 does not exist"));
	}

	@Test
	void anotherInactiveClientDoesNotAffectThisOne() {
		// given
		long eve = this.data.client("Eve Poe", this.north);
		this.data.update("UPDATE client SET active = FALSE WHERE id = ?", eve);
		BookingCandidate bobsVisit = visit(1, "08:00", 30, this.ann);
		BookingCandidate evesVisit = visit(2, eve, "10:00", 30, this.cal);
		// when
		var issues = validate(bobsVisit, evesVisit);
		// then
		assertThat(issues.get(1L)).isEmpty();
		assertThat(codes(issues.get(2L))).contains(IssueCode.CLIENT_INACTIVE);
	}

}
