package org.bookingbatch.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.booking.CareStatuses.ABORTED;
import static org.bookingbatch.booking.CareStatuses.CANCELLED;
import static org.bookingbatch.booking.CareStatuses.DISPATCHED;
import static org.bookingbatch.booking.CareStatuses.DONE;
import static org.bookingbatch.booking.CareStatuses.HELD;
import static org.bookingbatch.booking.CareStatuses.LAPSED;
import static org.bookingbatch.booking.CareStatuses.OWES;

class CarerClashRuleIntegrationTests extends ValidationIntegrationTestSupport {

	long eve;

	@BeforeEach
	void secondClient() {
		this.eve = this.data.client("Eve Poe", this.north);
		this.data.contract(this.eve, "personal care", LocalDate.of(2026, 1, 1), null);
	}

	@Test
	void anOverlappingBookingOfTheCarerIsAClashNamingItsClientAndTimes() {
		// given
		long booking = this.data.booking(this.eve, this.north, null, DAY, at("08:00"), at("08:30"), DISPATCHED,
				this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:15", 30, this.ann));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_CLASH,
				"Carer Ann Lee already has a visit 08:00–08:30 with client Eve Poe (booking " + booking + ")"));
	}

	@Test
	void aBookingThatContainsTheWholeVisitIsAClash() {
		// given
		this.data.booking(this.eve, this.north, null, DAY, at("07:00"), at("12:00"), DISPATCHED, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.CARER_CLASH);
	}

	@Test
	void backToBackBookingsAreNoClash() {
		// given
		this.data.booking(this.eve, this.north, null, DAY, at("07:30"), at("08:00"), DISPATCHED, this.ann);
		this.data.booking(this.eve, this.north, null, DAY, at("08:30"), at("09:00"), DISPATCHED, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void theSameTimeOnTheNextDayIsNoClash() {
		// given
		LocalDate next = DAY.plusDays(1);
		this.data.booking(this.eve, this.north, null, next, at(next, "08:00"), at(next, "08:30"), DISPATCHED, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void anotherCarersBookingIsNoClash() {
		// given
		this.data.booking(this.eve, this.north, null, DAY, at("08:00"), at("08:30"), DISPATCHED, this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void bookingsThatNoLongerOccupyTimeNeverClash() {
		// given
		for (String status : List.of(CANCELLED, ABORTED, LAPSED, OWES)) {
			this.data.booking(this.eve, this.north, null, DAY, at("08:00"), at("08:30"), status, this.ann);
		}
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void heldAndDoneBookingsOccupyTime() {
		// given
		this.data.booking(this.eve, this.north, null, DAY, at("08:00"), at("08:30"), HELD, this.ann);
		this.data.booking(this.eve, this.north, null, DAY, at("08:00"), at("08:30"), DONE, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.CARER_CLASH, IssueCode.CARER_CLASH);
	}

	@Test
	void aBookingThatStartedTheEveningBeforeAndRunsIntoTheVisitIsAClash() {
		// given
		LocalDate before = DAY.minusDays(1);
		long booking = this.data.booking(this.eve, this.north, null, before, at(before, "22:00"), at("08:10"),
				DISPATCHED, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_CLASH,
				"Carer Ann Lee already has a visit 13 Apr 2026 22:00–08:10 with client Eve Poe (booking " + booking
						+ ")"));
	}

	@Test
	void everyCarerOfADoubleHandedVisitIsChecked() {
		// given
		long booking = this.data.booking(this.eve, this.north, null, DAY, at("08:00"), at("08:30"), DISPATCHED,
				this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_CLASH,
				"Carer Cal Fry already has a visit 08:00–08:30 with client Eve Poe (booking " + booking + ")"));
	}

	@Test
	void aDoubleHandedBookingClashesForEachOfItsCarers() {
		// given
		this.data.booking(this.eve, this.north, null, DAY, at("08:00"), at("08:30"), DISPATCHED, this.ann, this.cal);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).extracting(ValidationIssue::message)
			.allSatisfy((message) -> assertThat(message).contains("already has a visit 08:00–08:30"))
			.anySatisfy((message) -> assertThat(message).startsWith("Carer Ann Lee"))
			.anySatisfy((message) -> assertThat(message).startsWith("Carer Cal Fry"));
	}

	@Test
	void twoOverlappingCandidatesWithTheSameCarerBothGetTheClash() {
		// given
		BookingCandidate bobs = visit(1, this.bob, "08:00", 30, this.ann);
		BookingCandidate eves = visit(2, this.eve, "08:15", 30, this.ann);
		// when
		var issues = validate(bobs, eves);
		// then
		assertThat(issues.get(1L)).containsExactly(error(IssueCode.CARER_CLASH,
				"Carer Ann Lee is also allocated to another visit of this batch 08:15–08:45 with client Eve Poe"));
		assertThat(issues.get(2L)).containsExactly(error(IssueCode.CARER_CLASH,
				"Carer Ann Lee is also allocated to another visit of this batch 08:00–08:30 with client Bob Cox"));
	}

	@Test
	void backToBackCandidatesWithTheSameCarerDoNotClash() {
		// given
		BookingCandidate bobs = visit(1, this.bob, "08:00", 30, this.ann);
		BookingCandidate eves = visit(2, this.eve, "08:30", 30, this.ann);
		// when
		var issues = validate(bobs, eves);
		// then
		assertThat(issues.get(1L)).isEmpty();
		assertThat(issues.get(2L)).isEmpty();
	}

	@Test
	void anOverlappingPeerWithTheSameCarerIsAClashAndThePeersAreAskedOnce() {
		// given
		RecordingPeers peers = new RecordingPeers(visit(9, this.eve, "08:20", 30, this.cal));
		BookingCandidate first = visit(1, this.bob, "08:00", 30, this.ann, this.cal);
		BookingCandidate second = visitOn(2, this.bob, DAY.plusDays(1), "10:00", 30, this.ann);
		// when
		var issues = validate(ValidationProperties.DEFAULTS, peers, first, second);
		// then
		assertThat(issues.get(1L)).containsExactly(error(IssueCode.CARER_CLASH,
				"Carer Cal Fry is also allocated to another visit of this batch 08:20–08:50 with client Eve Poe"));
		assertThat(issues.get(2L)).isEmpty();
		assertThat(peers.calls).hasSize(1);
		assertThat(peers.calls.get(0)).isEqualTo(
				new PeersCall(List.of(this.ann, this.cal), List.of(this.bob), first.startsAt(), second.endsAt()));
	}

	@Test
	void aVisitOnTheDayTheClocksGoForwardIsComparedByInstant() {
		// given: 09:00-10:00 BST is 08:00-09:00 UTC
		LocalDate day = LocalDate.of(2026, 3, 29);
		long booking = this.data.booking(this.eve, this.north, null, day, at(day, "09:00"), at(day, "10:00"),
				DISPATCHED, this.ann);
		// when
		List<ValidationIssue> overlapping = issues(visitOn(1, this.bob, day, "09:30", 30, this.ann));
		List<ValidationIssue> backToBack = issues(visitOn(2, this.bob, day, "10:00", 30, this.ann));
		// then
		assertThat(overlapping).containsExactly(error(IssueCode.CARER_CLASH,
				"Carer Ann Lee already has a visit 09:00–10:00 with client Eve Poe (booking " + booking + ")"));
		assertThat(backToBack).isEmpty();
	}

	@Test
	void theTwoLocalHoursOfOneOClockOnTheDayTheClocksGoBackDoNotClash() {
		// given: 01:00-02:00 happens twice on 25 Oct 2026, first in BST (00:00-01:00 UTC)
		LocalDate day = LocalDate.of(2026, 10, 25);
		this.data.booking(this.eve, this.north, null, day, Instant.parse("2026-10-25T00:00:00Z"),
				Instant.parse("2026-10-25T01:00:00Z"), DISPATCHED, this.ann);
		Instant secondOne = Instant.parse("2026-10-25T01:00:00Z");
		BookingCandidate inGmt = new BookingCandidate(1, this.bob, this.north, null, day, secondOne,
				secondOne.plusSeconds(3600), 1, List.of(this.ann), null);
		BookingCandidate overlapping = new BookingCandidate(2, this.bob, this.north, null, day,
				secondOne.minusSeconds(1800), secondOne.plusSeconds(1800), 1, List.of(this.ann), null);
		// when
		List<ValidationIssue> gmt = issues(inGmt);
		List<ValidationIssue> across = issues(overlapping);
		// then
		assertThat(gmt).isEmpty();
		assertThat(across).extracting(ValidationIssue::message)
			.containsExactly("Carer Ann Lee already has a visit 01:00–01:00 with client Eve Poe (booking "
					+ this.jdbc.sql("SELECT MAX(id) FROM booking").query(Long.class).single() + ")");
	}

	record PeersCall(List<Long> carerIds, List<Long> clientIds, Instant from, Instant to) {
	}

	static final class RecordingPeers implements CandidatePeers {

		final List<PeersCall> calls = new ArrayList<>();

		private final List<BookingCandidate> peers;

		RecordingPeers(BookingCandidate... peers) {
			this.peers = List.of(peers);
		}

		@Override
		public List<BookingCandidate> overlapping(Collection<Long> carerIds, Collection<Long> clientIds, Instant from,
				Instant to) {
			this.calls.add(
					new PeersCall(carerIds.stream().sorted().toList(), clientIds.stream().sorted().toList(), from, to));
			return this.peers;
		}

	}

}
