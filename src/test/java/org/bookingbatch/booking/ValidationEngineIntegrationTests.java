package org.bookingbatch.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValidationEngineIntegrationTests extends ValidationIntegrationTestSupport {

	@Test
	void everyCandidateGetsAnEntryInTheCandidatesOrderEmptyWhenClean() {
		// given
		long eve = this.data.client("Eve Poe", this.north);
		BookingCandidate evesVisit = visit(7, eve, "10:00", 30, this.cal);
		BookingCandidate bobsVisit = visit(3, "08:00", 30, this.ann);
		// when
		Map<Long, List<ValidationIssue>> issues = validate(evesVisit, bobsVisit);
		// then
		assertThat(issues).containsOnlyKeys(7L, 3L);
		assertThat(issues.keySet()).containsExactly(7L, 3L);
		assertThat(codes(issues.get(7L))).containsExactly(IssueCode.NO_SERVICE_CONTRACT);
		assertThat(issues.get(3L)).isEmpty();
	}

	@Test
	void noCandidatesNeedNoPeers() {
		// given
		AtomicInteger calls = new AtomicInteger();
		CandidatePeers peers = (carerIds, clientIds, from, to) -> {
			calls.incrementAndGet();
			return List.of();
		};
		// when
		Map<Long, List<ValidationIssue>> issues = this.engine.validate(List.of(), peers);
		// then
		assertThat(issues).isEmpty();
		assertThat(calls).hasValue(0);
	}

	@Test
	void twoCandidatesWithOneKeyAreRefused() {
		// given
		BookingCandidate first = visit(1, "08:00", 30, this.ann);
		BookingCandidate second = visit(1, "10:00", 30, this.ann);
		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> validate(first, second))
			.withMessage("Two candidates have the key 1");
	}

	@Test
	void issuesOfSeveralRulesComeInTheOrderOfTheRuleTable() {
		// given
		long south = this.data.team("South");
		long dan = this.data.carer("Dan Orr", south);
		this.data.update("UPDATE carer SET active = FALSE WHERE id = ?", this.ann);
		this.data.update("UPDATE client SET active = FALSE, has_address = FALSE WHERE id = ?", this.bob);
		this.data.suspension(this.bob, at(LocalDate.of(2026, 4, 1), "00:00"), null, "respite");
		this.data.absence(dan, at("07:00"), at("09:00"), "training");
		this.data.booking(this.bob, this.north, null, DAY, at("08:00"), at("08:30"), "dispatched", dan);
		BookingCandidate visit = requiring(withContract(visit(1, "08:00", 30, this.ann, dan), 999_999), 3);
		// when
		List<ValidationIssue> issues = issues(new ValidationProperties(false, false, true, false), visit);
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.CLIENT_INACTIVE, IssueCode.NO_SERVICE_CONTRACT,
				IssueCode.CLIENT_SUSPENDED, IssueCode.CLIENT_CLASH, IssueCode.CARER_INACTIVE,
				IssueCode.CARER_NOT_IN_TEAM, IssueCode.CARER_UNAVAILABLE, IssueCode.CARER_CLASH,
				IssueCode.MISSING_ADDRESS, IssueCode.UNALLOCATED);
		assertThat(issues).allSatisfy((issue) -> assertThat(issue.severity()).isEqualTo(issue.code().severity()));
	}

	@Test
	void theApplicationsEngineUsesTheConfiguredSettingsAllOffByDefault() {
		// given
		this.data.update("UPDATE client SET has_address = FALSE WHERE id = ?", this.bob);
		this.data.booking(this.bob, this.north, null, DAY, at("08:00"), at("08:30"), "dispatched", this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.CLIENT_CLASH);
	}

}
