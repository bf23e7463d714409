package org.bookingbatch.booking;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CarerInactiveRuleIntegrationTests extends ValidationIntegrationTestSupport {

	@Test
	void anInactiveCarerIsAnError() {
		// given
		this.data.update("UPDATE carer SET active = FALSE WHERE id = ?", this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_INACTIVE, "Carer Ann Lee is inactive"));
	}

	@Test
	void aCarerWhoseEmploymentFinishedTheDayBeforeIsAnError() {
		// given
		this.data.update("UPDATE carer SET employment_finish = ? WHERE id = ?", DAY.minusDays(1), this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues)
			.containsExactly(error(IssueCode.CARER_INACTIVE, "Carer Ann Lee's employment finished on 13 Apr 2026"));
	}

	@Test
	void aCarerWhoseEmploymentFinishesOnTheDayMayStillVisit() {
		// given
		this.data.update("UPDATE carer SET employment_finish = ? WHERE id = ?", DAY, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void aCarerWhoseEmploymentStartsTheNextDayIsAnError() {
		// given
		this.data.update("UPDATE carer SET employment_start = ? WHERE id = ?", DAY.plusDays(1), this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues)
			.containsExactly(error(IssueCode.CARER_INACTIVE, "Carer Ann Lee is employed only from 15 Apr 2026"));
	}

	@Test
	void aCarerWhoseEmploymentStartsOnTheDayMayVisit() {
		// given
		this.data.update("UPDATE carer SET employment_start = ? WHERE id = ?", DAY, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void everyCarerOfADoubleHandedVisitIsChecked() {
		// given
		this.data.update("UPDATE carer SET active = FALSE WHERE id = ?", this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_INACTIVE, "Carer Cal Fry is inactive"));
	}

	@Test
	void aCarerWhoDoesNotExistIsAnError() {
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, 999_999L));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_INACTIVE, "Carer 999999 does not exist"));
	}

}
