package org.bookingbatch.booking;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.booking.CareStatuses.CANCELLED;
import static org.bookingbatch.booking.CareStatuses.DISPATCHED;

class ClientClashRuleIntegrationTests extends ValidationIntegrationTestSupport {

	static final ValidationProperties OVERLAP_ALLOWED = new ValidationProperties(true, false, false, false);

	long eve;

	@BeforeEach
	void secondClient() {
		this.eve = this.data.client("Eve Poe", this.north);
		this.data.contract(this.eve, "personal care", DAY.minusDays(30), null);
	}

	@Test
	void anOverlappingBookingOfTheClientIsAClash() {
		// given
		long booking = this.data.booking(this.bob, this.north, null, DAY, at("08:00"), at("08:30"), DISPATCHED,
				this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:15", 30, this.ann));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CLIENT_CLASH,
				"Client Bob Cox already has a visit 08:00–08:30 (booking " + booking + ")"));
	}

	@Test
	void aBackToBackBookingIsNoClash() {
		// given
		this.data.booking(this.bob, this.north, null, DAY, at("07:30"), at("08:00"), DISPATCHED, this.cal);
		this.data.booking(this.bob, this.north, null, DAY, at("08:30"), at("09:00"), DISPATCHED, this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void theSameTimeOnTheNextDayIsNoClash() {
		// given
		this.data.booking(this.bob, this.north, null, DAY.plusDays(1), at(DAY.plusDays(1), "08:00"),
				at(DAY.plusDays(1), "08:30"), DISPATCHED, this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void aCancelledBookingNeverClashes() {
		// given
		this.data.booking(this.bob, this.north, null, DAY, at("08:00"), at("08:30"), CANCELLED, this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void anotherClientsBookingAtTheSameTimeIsNoClientClash() {
		// given
		this.data.booking(this.eve, this.north, null, DAY, at("08:00"), at("08:30"), DISPATCHED, this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void twoOverlappingCandidatesOfTheClientBothGetTheClash() {
		// given
		BookingCandidate first = visit(1, "08:00", 30, this.ann);
		BookingCandidate second = visit(2, "08:20", 30, this.cal);
		// when
		var issues = validate(first, second);
		// then
		assertThat(issues.get(1L)).containsExactly(
				error(IssueCode.CLIENT_CLASH, "Client Bob Cox has another visit of this batch 08:20–08:50"));
		assertThat(issues.get(2L)).containsExactly(
				error(IssueCode.CLIENT_CLASH, "Client Bob Cox has another visit of this batch 08:00–08:30"));
	}

	@Test
	void backToBackCandidatesOfTheClientDoNotClash() {
		// given
		BookingCandidate first = visit(1, "08:00", 30, this.ann);
		BookingCandidate second = visit(2, "08:30", 30, this.cal);
		// when
		var issues = validate(first, second);
		// then
		assertThat(issues.get(1L)).isEmpty();
		assertThat(issues.get(2L)).isEmpty();
	}

	@Test
	void anOverlappingPeerOfTheClientIsAClash() {
		// given
		BookingCandidate peer = visit(7, "08:10", 60, this.cal);
		// when
		var issues = validate(ValidationProperties.DEFAULTS, peers(peer), visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues.get(1L)).containsExactly(
				error(IssueCode.CLIENT_CLASH, "Client Bob Cox has another visit of this batch 08:10–09:10"));
	}

	@Test
	void aPeerWithTheCandidatesKeyIsTheCandidateItself() {
		// given: the batch still holds the candidate's previous times
		BookingCandidate peer = visit(1, "08:10", 60, this.cal);
		// when
		var issues = validate(ValidationProperties.DEFAULTS, peers(peer), visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues.get(1L)).isEmpty();
	}

	@Test
	void allowingClientOverlapSwitchesTheRuleOff() {
		// given
		this.data.booking(this.bob, this.north, null, DAY, at("08:00"), at("08:30"), DISPATCHED, this.cal);
		BookingCandidate first = visit(1, "08:00", 30, this.ann);
		BookingCandidate second = visit(2, "08:20", 30, this.cal);
		// when
		var allowed = validate(OVERLAP_ALLOWED, peers(visit(7, "08:10", 60)), first, second);
		var refused = validate(ValidationProperties.DEFAULTS, peers(visit(7, "08:10", 60)), first, second);
		// then
		assertThat(codes(allowed.get(1L))).doesNotContain(IssueCode.CLIENT_CLASH);
		assertThat(codes(allowed.get(2L))).doesNotContain(IssueCode.CLIENT_CLASH);
		assertThat(codes(refused.get(1L))).containsOnly(IssueCode.CLIENT_CLASH).hasSize(3);
	}

	@Test
	void theBookingOfTheCandidatesOwnOccurrenceIsAlreadyBookedNotAClash() {
		// given
		long entry = this.data.scheduleEntry(this.bob, this.north);
		this.data.booking(this.bob, this.north, entry, DAY, at("08:00"), at("08:30"), DISPATCHED, this.ann);
		// when
		List<ValidationIssue> issues = issues(withEntry(visit(1, "08:00", 30, this.ann), entry));
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.ALREADY_BOOKED);
	}

	static CandidatePeers peers(BookingCandidate... peers) {
		return (carerIds, clientIds, from, to) -> List.of(peers);
	}

}
