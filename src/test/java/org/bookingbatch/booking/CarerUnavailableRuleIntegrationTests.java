package org.bookingbatch.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CarerUnavailableRuleIntegrationTests extends ValidationIntegrationTestSupport {

	static final ValidationProperties SCHEDULED = new ValidationProperties(false, true, false, false);

	static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 29);

	static final LocalDate FALL_BACK = LocalDate.of(2026, 10, 25);

	@Test
	void anAbsenceOverlappingTheVisitIsAnError() {
		// given
		this.data.absence(this.ann, at("08:15"), at("12:00"), "training");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_UNAVAILABLE,
				"Carer Ann Lee is absent from 14 Apr 2026 08:15 to 14 Apr 2026 12:00 (training)"));
	}

	@Test
	void aLongAbsenceThatStartedWeeksBeforeIsAnError() {
		// given
		this.data.absence(this.ann, at(LocalDate.of(2026, 3, 1), "00:00"), at(LocalDate.of(2026, 5, 1), "00:00"),
				"sickness");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).containsExactly(
				error(IssueCode.CARER_UNAVAILABLE, "Carer Ann Lee is absent from 1 Mar 2026 to 1 May 2026 (sickness)"));
	}

	@Test
	void anAbsenceThatEndsExactlyWhenTheVisitStartsIsNoProblem() {
		// given
		this.data.absence(this.ann, at("06:00"), at("08:00"), "appointment");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void anAbsenceThatStartsExactlyWhenTheVisitEndsIsNoProblem() {
		// given
		this.data.absence(this.ann, at("08:30"), at("12:00"), "appointment");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void anAbsenceOnTheNextDayIsNoProblem() {
		// given
		this.data.absence(this.ann, at(DAY.plusDays(1), "00:00"), at(DAY.plusDays(2), "00:00"), "holiday");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void everyCarerOfADoubleHandedVisitIsCheckedForAbsences() {
		// given
		this.data.absence(this.cal, at("07:00"), at("09:00"), "training");
		// when
		List<ValidationIssue> issues = issues(visit(1, "08:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_UNAVAILABLE,
				"Carer Cal Fry is absent from 14 Apr 2026 07:00 to 14 Apr 2026 09:00 (training)"));
	}

	@Test
	void withoutTheSettingAVisitOutsideTheWeeklyAvailabilityIsFine() {
		// given
		this.data.availability(this.ann, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
		// when
		List<ValidationIssue> issues = issues(visit(1, "18:00", 60, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void withTheSettingAVisitOutsideTheWeeklyAvailabilityIsAnError() {
		// given
		this.data.availability(this.ann, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0));
		this.data.availability(this.ann, DayOfWeek.TUESDAY, LocalTime.of(13, 0), LocalTime.of(17, 0));
		// when
		List<ValidationIssue> issues = issues(SCHEDULED, visit(1, "18:00", 60, this.ann));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_UNAVAILABLE,
				"Carer Ann Lee is not scheduled to work 18:00–19:00 on Tuesday 14 Apr 2026"
						+ " (available on Tuesdays 09:00–12:00, 13:00–17:00)"));
	}

	@Test
	void withTheSettingAVisitInsideAWindowIncludingItsEdgesIsFine() {
		// given
		this.data.availability(this.ann, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
		// when
		var issues = validate(SCHEDULED, CandidatePeers.NONE, visit(1, "09:00", 30, this.ann),
				visit(2, "16:30", 30, this.ann));
		// then
		assertThat(issues.get(1L)).isEmpty();
		assertThat(issues.get(2L)).isEmpty();
	}

	@Test
	void withTheSettingAVisitRunningPastTheWindowIsAnError() {
		// given
		this.data.availability(this.ann, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
		// when
		List<ValidationIssue> issues = issues(SCHEDULED, visit(1, "16:45", 30, this.ann));
		// then
		assertThat(codes(issues)).containsExactly(IssueCode.CARER_UNAVAILABLE);
	}

	@Test
	void withTheSettingAWindowOnAnotherDayDoesNotCount() {
		// given
		this.data.availability(this.ann, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
		// when
		List<ValidationIssue> issues = issues(SCHEDULED, visit(1, "10:00", 30, this.ann));
		// then
		assertThat(issues).containsExactly(error(IssueCode.CARER_UNAVAILABLE,
				"Carer Ann Lee is not scheduled to work 10:00–10:30 on Tuesday 14 Apr 2026"
						+ " (no availability on Tuesdays)"));
	}

	@Test
	void withTheSettingEveryCarerOfADoubleHandedVisitIsChecked() {
		// given
		this.data.availability(this.ann, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
		// when
		List<ValidationIssue> issues = issues(SCHEDULED, visit(1, "10:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).extracting(ValidationIssue::message)
			.containsExactly("Carer Cal Fry is not scheduled to work 10:00–10:30 on Tuesday 14 Apr 2026"
					+ " (no availability on Tuesdays)");
	}

	@Test
	void availabilityIsInLocalTimeOnTheDayTheClocksGoForward() {
		// given: 09:00 BST is 08:00 UTC
		this.data.availability(this.ann, DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
		BookingCandidate nine = visitOn(1, this.bob, SPRING_FORWARD, "09:00", 60, this.ann);
		BookingCandidate half8 = visitOn(2, this.bob, SPRING_FORWARD, "08:30", 60, this.ann);
		// when
		List<ValidationIssue> atNine = issues(SCHEDULED, nine);
		List<ValidationIssue> atHalfPastEight = issues(SCHEDULED, half8);
		// then
		assertThat(nine.startsAt()).hasToString("2026-03-29T08:00:00Z");
		assertThat(atNine).isEmpty();
		assertThat(codes(atHalfPastEight)).containsExactly(IssueCode.CARER_UNAVAILABLE);
	}

	@Test
	void availabilityIsInLocalTimeOnTheDayTheClocksGoBack() {
		// given: from 02:00 BST the clocks show 01:00 GMT; 09:00 GMT is 09:00 UTC
		this.data.availability(this.ann, DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
		BookingCandidate nine = visitOn(1, this.bob, FALL_BACK, "09:00", 60, this.ann);
		BookingCandidate eight = visitOn(2, this.bob, FALL_BACK, "08:00", 60, this.ann);
		// when
		List<ValidationIssue> atNine = issues(SCHEDULED, nine);
		List<ValidationIssue> atEight = issues(SCHEDULED, eight);
		// then
		assertThat(nine.startsAt()).hasToString("2026-10-25T09:00:00Z");
		assertThat(atNine).isEmpty();
		assertThat(codes(atEight)).containsExactly(IssueCode.CARER_UNAVAILABLE);
	}

	@Test
	void withTheSettingAVisitPastMidnightNeedsWindowsOnBothDays() {
		// given
		this.data.availability(this.ann, DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.of(23, 59, 59));
		long dan = this.data.carer("Dan Orr", this.north);
		this.data.availability(dan, DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.of(23, 59, 59));
		this.data.availability(dan, DayOfWeek.WEDNESDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 0));
		// when
		List<ValidationIssue> annsIssues = issues(SCHEDULED, visit(1, "23:00", 120, this.ann));
		List<ValidationIssue> dansIssues = issues(SCHEDULED, visit(2, "23:00", 120, dan));
		// then
		assertThat(codes(annsIssues)).containsExactly(IssueCode.CARER_UNAVAILABLE);
		assertThat(dansIssues).isEmpty();
	}

}
