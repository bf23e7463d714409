package org.bookingbatch.booking;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.booking.CareStatuses.ABORTED;
import static org.bookingbatch.booking.CareStatuses.CANCELLED;
import static org.bookingbatch.booking.CareStatuses.DISPATCHED;

class AlreadyBookedRuleIntegrationTests extends ValidationIntegrationTestSupport {

	long entry;

	@BeforeEach
	void scheduleEntry() {
		this.entry = this.data.scheduleEntry(this.bob, this.north);
	}

	@Test
	void anOccurrenceThatGotABookingIsAlreadyBooked() {
		// given
		long booking = this.data.booking(this.bob, this.north, this.entry, DAY, at("08:00"), at("08:30"), DISPATCHED,
				this.ann);
		// when
		List<ValidationIssue> issues = issues(withEntry(visit(1, "08:00", 30, this.ann), this.entry));
		// then
		assertThat(issues).containsExactly(error(IssueCode.ALREADY_BOOKED,
				"The visit of Bob Cox on 14 Apr 2026 is already booked (booking " + booking + ", dispatched)"));
	}

	@Test
	void aCancelledBookingStillCountsAsBookedButDoesNotClash() {
		// given
		this.data.booking(this.bob, this.north, this.entry, DAY, at("08:00"), at("08:30"), CANCELLED, this.ann);
		// when
		List<ValidationIssue> issues = issues(withEntry(visit(1, "08:00", 30, this.ann), this.entry));
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.ALREADY_BOOKED);
	}

	@Test
	void anAbortedHoldDoesNotCountAsBooked() {
		// given
		this.data.booking(this.bob, this.north, this.entry, DAY, at("08:00"), at("08:30"), ABORTED, this.ann);
		// when
		List<ValidationIssue> issues = issues(withEntry(visit(1, "08:00", 30, this.ann), this.entry));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void theSameEntryOnTheNextDayIsNotThisOccurrence() {
		// given
		this.data.booking(this.bob, this.north, this.entry, DAY.plusDays(1), at(DAY.plusDays(1), "08:00"),
				at(DAY.plusDays(1), "08:30"), DISPATCHED, this.ann);
		// when
		List<ValidationIssue> issues = issues(withEntry(visit(1, "08:00", 30, this.ann), this.entry));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void anotherEntrysBookingOnTheSameDayIsNotThisOccurrence() {
		// given
		long other = this.data.scheduleEntry(this.bob, this.north);
		this.data.booking(this.bob, this.north, other, DAY, at("12:00"), at("12:30"), DISPATCHED, this.ann);
		// when
		List<ValidationIssue> issues = issues(withEntry(visit(1, "08:00", 30, this.ann), this.entry));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void aOneOffBookingHasNoOccurrenceToBeBooked() {
		// given
		this.data.booking(this.bob, this.north, null, DAY, at("12:00"), at("12:30"), DISPATCHED, this.ann);
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void onlyTheBookedOccurrencesOfSeveralEntriesAndDatesAreReported() {
		// given
		long other = this.data.scheduleEntry(this.bob, this.north);
		this.data.booking(this.bob, this.north, this.entry, DAY.plusDays(1), at(DAY.plusDays(1), "08:00"),
				at(DAY.plusDays(1), "08:30"), DISPATCHED, this.ann);
		this.data.booking(this.bob, this.north, other, DAY, at("12:00"), at("12:30"), DISPATCHED, this.ann);
		BookingCandidate entryToday = withEntry(visit(1, "08:00", 30, this.ann), this.entry);
		BookingCandidate entryTomorrow = withEntry(visitOn(2, this.bob, DAY.plusDays(1), "08:00", 30, this.ann),
				this.entry);
		BookingCandidate otherToday = withEntry(visit(3, "12:00", 30, this.ann), other);
		BookingCandidate otherTomorrow = withEntry(visitOn(4, this.bob, DAY.plusDays(1), "12:00", 30, this.ann), other);
		// when
		var issues = validate(entryToday, entryTomorrow, otherToday, otherTomorrow);
		// then
		assertThat(issues.get(1L)).isEmpty();
		assertThat(codes(issues.get(2L))).containsExactly(IssueCode.ALREADY_BOOKED);
		assertThat(codes(issues.get(3L))).containsExactly(IssueCode.ALREADY_BOOKED);
		assertThat(issues.get(4L)).isEmpty();
	}

}
