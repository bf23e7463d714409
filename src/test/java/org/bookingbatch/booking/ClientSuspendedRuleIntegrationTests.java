package org.bookingbatch.booking;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSuspendedRuleIntegrationTests extends ValidationIntegrationTestSupport {

	@Test
	void anOpenEndedSuspensionThatStartedEarlierIsAnError() {
		// given
		this.data.suspension(this.bob, at(LocalDate.of(2026, 4, 12), "00:00"), null, "hospital stay");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).containsExactly(
				error(IssueCode.CLIENT_SUSPENDED, "Client Bob Cox is suspended from 12 Apr 2026 (hospital stay)"));
	}

	@Test
	void anOpenEndedSuspensionAlsoBlocksVisitsMonthsLater() {
		// given
		this.data.suspension(this.bob, at(LocalDate.of(2026, 4, 12), "00:00"), null, "hospital stay");
		// when
		List<ValidationIssue> issues = issues(visitOn(1, this.bob, LocalDate.of(2026, 9, 1), "08:00", 30, this.ann));
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.CLIENT_SUSPENDED);
	}

	@Test
	void aSuspensionWithAFinishNamesBothEnds() {
		// given
		this.data.suspension(this.bob, at("08:15"), at(LocalDate.of(2026, 4, 20), "00:00"), "respite");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CLIENT_SUSPENDED,
				"Client Bob Cox is suspended from 14 Apr 2026 08:15 to 20 Apr 2026 (respite)"));
	}

	@Test
	void aSuspensionThatFinishesWhenTheVisitStartsDoesNotBlockIt() {
		// given
		this.data.suspension(this.bob, at(LocalDate.of(2026, 4, 1), "00:00"), at("08:00"), "hospital stay");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void aSuspensionThatStartsWhenTheVisitEndsDoesNotBlockIt() {
		// given
		this.data.suspension(this.bob, at("08:30"), null, "holiday");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void aSuspensionFromTheNextDayDoesNotBlockIt() {
		// given
		this.data.suspension(this.bob, at(DAY.plusDays(1), "00:00"), null, "hospital stay");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void anotherClientsSuspensionDoesNotBlockIt() {
		// given
		long eve = this.data.client("Eve Poe", this.north);
		this.data.suspension(eve, at(LocalDate.of(2026, 4, 1), "00:00"), null, "hospital stay");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

}
