package org.bookingbatch.booking;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CarerNotInTeamRuleIntegrationTests extends ValidationIntegrationTestSupport {

	@Test
	void aCarerOfAnotherTeamIsAnError() {
		// given
		long south = this.data.team("South");
		long dan = this.data.carer("Dan Orr", south);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, dan));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_NOT_IN_TEAM, "Carer Dan Orr is not in team North"));
	}

	@Test
	void aCarerInSeveralTeamsIncludingTheEntrysIsFine() {
		// given
		long south = this.data.team("South");
		long dan = this.data.carer("Dan Orr", south, this.north);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, dan));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void everyCarerOfADoubleHandedVisitIsChecked() {
		// given
		long south = this.data.team("South");
		long dan = this.data.carer("Dan Orr", south);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann, dan));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_NOT_IN_TEAM, "Carer Dan Orr is not in team North"));
	}

}
