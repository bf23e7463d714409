package org.bookingbatch.booking;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnallocatedRuleIntegrationTests extends ValidationIntegrationTestSupport {

	@Test
	void aDoubleHandedVisitWithOneCarerIsAWarningNotAnError() {
		// when
		List<ValidationIssue> issues = issues(requiring(visit(1, "08:00", 30, this.ann), 2));
		// then
		assertThat(issues).containsExactly(new ValidationIssue(IssueCode.UNALLOCATED, Severity.WARNING,
				"1 of 2 carers are allocated; the visit gets 1 open slot"));
		assertThat(ValidationEngine.hasErrors(issues)).isFalse();
	}

	@Test
	void aVisitWithoutCarersIsAWarning() {
		// when
		List<ValidationIssue> issues = issues(requiring(visit(1, "08:00", 30), 2));
		// then
		assertThat(issues).containsExactly(new ValidationIssue(IssueCode.UNALLOCATED, Severity.WARNING,
				"No carer is allocated; the visit gets 2 open slots"));
	}

	@Test
	void aFullyAllocatedDoubleHandedVisitHasNoWarning() {
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).isEmpty();
	}

}
