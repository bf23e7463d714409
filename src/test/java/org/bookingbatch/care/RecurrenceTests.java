package org.bookingbatch.care;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecurrenceTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** A Monday. */
	private static final LocalDate CYCLE_START = LocalDate.of(2026, 1, 5);

	@Test
	void weeklyEntryOccursOnItsDaysEveryWeek() {
		// given
		ScheduleEntry entry = entry(Set.of(MONDAY, WEDNESDAY, FRIDAY), 1, Set.of(1));
		// when
		List<LocalDate> dates = dates(entry, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 18));
		// then
		assertThat(dates).containsExactly(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 9),
				LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 16));
	}

	@Test
	void fortnightlyWeekOneOccursInTheCycleStartWeekAndEveryOtherWeek() {
		// given
		ScheduleEntry entry = entry(Set.of(TUESDAY), 2, Set.of(1));
		// when
		List<LocalDate> dates = dates(entry, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 8));
		// then
		assertThat(dates).containsExactly(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 20),
				LocalDate.of(2026, 2, 3));
	}

	@Test
	void fortnightlyWeekTwoOccursInTheOtherWeeks() {
		// given
		ScheduleEntry entry = entry(Set.of(TUESDAY), 2, Set.of(2));
		// when
		List<LocalDate> dates = dates(entry, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 8));
		// then
		assertThat(dates).containsExactly(LocalDate.of(2026, 1, 13), LocalDate.of(2026, 1, 27));
	}

	@Test
	void threeWeekCycleRunsInItsWeeks() {
		// given: weeks 1 and 3 of 3
		ScheduleEntry entry = entry(Set.of(THURSDAY), 3, Set.of(1, 3));
		// when
		List<LocalDate> dates = dates(entry, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 15));
		// then: weeks starting 5 Jan (1), 12 Jan (2), 19 Jan (3), 26 Jan (1), 2 Feb (2),
		// 9 Feb (3)
		assertThat(dates).containsExactly(LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 22),
				LocalDate.of(2026, 1, 29), LocalDate.of(2026, 2, 12));
	}

	@Test
	void fourWeekCycleRunsOnceEveryFourWeeks() {
		// given: week 4 of 4
		ScheduleEntry entry = entry(Set.of(SATURDAY, SUNDAY), 4, Set.of(4));
		// when
		List<LocalDate> dates = dates(entry, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 1));
		// then
		assertThat(dates).containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1),
				LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1));
	}

	@Test
	void datesBeforeTheCycleStartContinueTheCycleBackwards() {
		// given: valid long before the cycle start; week 2 of 2 and week 3 of 3
		LocalDate validFrom = LocalDate.of(2025, 1, 1);
		ScheduleEntry fortnightly = entry(Set.of(MONDAY), 2, Set.of(2), CYCLE_START, validFrom, null);
		ScheduleEntry threeWeekly = entry(Set.of(MONDAY), 3, Set.of(3), CYCLE_START, validFrom, null);
		// when
		List<LocalDate> fortnightlyDates = dates(fortnightly, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 4));
		List<LocalDate> threeWeeklyDates = dates(threeWeekly, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 4));
		// then: the week of 29 Dec is week 2 of the fortnight and week 3 of the three
		assertThat(fortnightlyDates).containsExactly(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 15),
				LocalDate.of(2025, 12, 29));
		assertThat(threeWeeklyDates).containsExactly(LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 29));
		assertThat(Recurrence.weekOfCycle(threeWeekly, LocalDate.of(2025, 12, 24))).isEqualTo(2);
	}

	@Test
	void cycleStartThatIsNotAMondayCountsFromItsMonday() {
		// given: a Thursday as cycle start means the week of Monday 5 January
		ScheduleEntry entry = entry(Set.of(MONDAY), 2, Set.of(1), LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 1),
				null);
		// when
		List<LocalDate> dates = dates(entry, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
		// then
		assertThat(dates).containsExactly(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 19));
	}

	@Test
	void validFromAndValidToAreInclusive() {
		// given
		LocalDate validFrom = LocalDate.of(2026, 1, 7);
		LocalDate validTo = LocalDate.of(2026, 1, 14);
		ScheduleEntry entry = entry(EnumSet.allOf(DayOfWeek.class), 1, Set.of(1), CYCLE_START, validFrom, validTo);
		// when
		List<LocalDate> dates = dates(entry, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
		// then
		assertThat(dates).first().isEqualTo(validFrom);
		assertThat(dates).last().isEqualTo(validTo);
		assertThat(dates).hasSize(8);
		assertThat(Recurrence.occursOn(entry, validFrom)).isTrue();
		assertThat(Recurrence.occursOn(entry, validFrom.minusDays(1))).isFalse();
		assertThat(Recurrence.occursOn(entry, validTo)).isTrue();
		assertThat(Recurrence.occursOn(entry, validTo.plusDays(1))).isFalse();
	}

	@Test
	void rangeBoundsAreInclusive() {
		// given
		ScheduleEntry entry = entry(EnumSet.allOf(DayOfWeek.class), 1, Set.of(1));
		// when
		List<LocalDate> oneDay = dates(entry, LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 3));
		// then
		assertThat(oneDay).containsExactly(LocalDate.of(2026, 2, 3));
	}

	@Test
	void emptyRangesGiveNoOccurrences() {
		// given
		ScheduleEntry entry = entry(EnumSet.allOf(DayOfWeek.class), 1, Set.of(1), CYCLE_START, LocalDate.of(2026, 1, 5),
				LocalDate.of(2026, 1, 31));
		// when
		List<Occurrence> reversed = Recurrence.occurrences(entry, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 10),
				LONDON);
		List<Occurrence> beforeValidity = Recurrence.occurrences(entry, LocalDate.of(2025, 12, 1),
				LocalDate.of(2026, 1, 4), LONDON);
		List<Occurrence> afterValidity = Recurrence.occurrences(entry, LocalDate.of(2026, 2, 1),
				LocalDate.of(2026, 3, 1), LONDON);
		// then
		assertThat(reversed).isEmpty();
		assertThat(beforeValidity).isEmpty();
		assertThat(afterValidity).isEmpty();
	}

	@Test
	void occurrenceTimesAreLocalToTheZone() {
		// given: 09:00 for 45 minutes, in winter (GMT) and in summer (BST)
		ScheduleEntry entry = weekly(MONDAY, LocalTime.of(9, 0), 45);
		// when
		Occurrence winter = single(entry, LocalDate.of(2026, 1, 12));
		Occurrence summer = single(entry, LocalDate.of(2026, 7, 13));
		// then
		assertThat(winter.startsAt()).isEqualTo(Instant.parse("2026-01-12T09:00:00Z"));
		assertThat(winter.endsAt()).isEqualTo(Instant.parse("2026-01-12T09:45:00Z"));
		assertThat(summer.startsAt()).isEqualTo(Instant.parse("2026-07-13T08:00:00Z"));
		assertThat(summer.endsAt()).isEqualTo(Instant.parse("2026-07-13T08:45:00Z"));
	}

	@Test
	void startTimeInTheSpringForwardGapMovesForwardByTheGap() {
		// given: 01:30 on Sunday 29 March 2026 does not exist in London
		ScheduleEntry entry = weekly(SUNDAY, LocalTime.of(1, 30), 60);
		// when
		Occurrence occurrence = single(entry, LocalDate.of(2026, 3, 29));
		// then: 02:30 BST
		assertThat(occurrence.startsAt()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(occurrence.startsAt().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
		assertThat(occurrence.endsAt()).isEqualTo(Instant.parse("2026-03-29T02:30:00Z"));
		assertThat(occurrence.date()).isEqualTo(LocalDate.of(2026, 3, 29));
	}

	@Test
	void ambiguousStartTimeAtFallBackUsesTheEarlierOffset() {
		// given: 01:30 on Sunday 25 October 2026 happens twice in London
		ScheduleEntry entry = weekly(SUNDAY, LocalTime.of(1, 30), 30);
		// when
		Occurrence occurrence = single(entry, LocalDate.of(2026, 10, 25));
		// then: the first 01:30, still BST
		assertThat(occurrence.startsAt()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(occurrence.startsAt().atZone(LONDON).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
		assertThat(occurrence.endsAt()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
	}

	@Test
	void durationIsRealTimeAcrossAClockChange() {
		// given: 00:30 for 120 minutes, across both London changes
		ScheduleEntry entry = weekly(SUNDAY, LocalTime.of(0, 30), 120);
		// when
		Occurrence spring = single(entry, LocalDate.of(2026, 3, 29));
		Occurrence autumn = single(entry, LocalDate.of(2026, 10, 25));
		// then: two real hours each, ending at 03:30 BST and 01:30 GMT local time
		assertThat(Duration.between(spring.startsAt(), spring.endsAt())).isEqualTo(Duration.ofMinutes(120));
		assertThat(spring.endsAt().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
		assertThat(Duration.between(autumn.startsAt(), autumn.endsAt())).isEqualTo(Duration.ofMinutes(120));
		assertThat(autumn.endsAt().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(1, 30));
		assertThat(autumn.endsAt().atZone(LONDON).getOffset()).isEqualTo(ZoneOffset.UTC);
	}

	@Test
	void lateEveningVisitCrossingMidnightBelongsToItsStartDate() {
		// given: Fridays at 23:30 for 60 minutes
		ScheduleEntry entry = weekly(FRIDAY, LocalTime.of(23, 30), 60);
		// when
		List<Occurrence> occurrences = Recurrence.occurrences(entry, LocalDate.of(2026, 1, 9),
				LocalDate.of(2026, 1, 10), LONDON);
		List<Occurrence> fromSaturday = Recurrence.occurrences(entry, LocalDate.of(2026, 1, 10),
				LocalDate.of(2026, 1, 11), LONDON);
		// then
		assertThat(occurrences).singleElement().satisfies((occurrence) -> {
			assertThat(occurrence.date()).isEqualTo(LocalDate.of(2026, 1, 9));
			assertThat(occurrence.startsAt()).isEqualTo(Instant.parse("2026-01-09T23:30:00Z"));
			assertThat(occurrence.endsAt()).isEqualTo(Instant.parse("2026-01-10T00:30:00Z"));
		});
		assertThat(fromSaturday).isEmpty();
	}

	@Test
	void occursOnAgreesWithTheOccurrences() {
		// given
		ScheduleEntry entry = entry(Set.of(MONDAY, THURSDAY), 2, Set.of(2));
		// when / then
		assertThat(Recurrence.occursOn(entry, LocalDate.of(2026, 1, 12))).isTrue();
		assertThat(Recurrence.occursOn(entry, LocalDate.of(2026, 1, 15))).isTrue();
		assertThat(Recurrence.occursOn(entry, LocalDate.of(2026, 1, 13))).isFalse();
		assertThat(Recurrence.occursOn(entry, LocalDate.of(2026, 1, 19))).isFalse();
	}

	@Test
	void cycleOfZeroWeeksIsRefused() {
		// given
		ScheduleEntry entry = entry(Set.of(MONDAY), 0, Set.of(1));
		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> Recurrence.occursOn(entry, CYCLE_START));
	}

	@Test
	void masksMatchTheStoredBitSets() {
		// when / then
		assertThat(Recurrence.daysMask(Set.of(MONDAY, SUNDAY))).isEqualTo(0b1000001);
		assertThat(Recurrence.weeksMask(Set.of(2, 4))).isEqualTo(0b1010);
	}

	@Test
	void randomEntriesAgreeWithADayByDayCheck() {
		// given
		Random random = new Random(20260329L);
		ZoneId[] zones = { LONDON, ZoneId.of("America/New_York"), ZoneId.of("Australia/Sydney"), ZoneOffset.UTC };
		int compared = 0;
		for (int i = 0; i < 5000; i++) {
			ScheduleEntry entry = randomEntry(random);
			LocalDate from = LocalDate.of(2025, 6, 1).plusDays(random.nextInt(700));
			LocalDate to = from.plusDays(random.nextInt(120) - 5);
			ZoneId zone = zones[random.nextInt(zones.length)];
			// when
			List<Occurrence> actual = Recurrence.occurrences(entry, from, to, zone);
			// then
			List<Occurrence> expected = bruteForce(entry, from, to, zone);
			assertThat(actual).as("entry %s from %s to %s in %s", entry, from, to, zone).isEqualTo(expected);
			for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
				LocalDate day = date;
				assertThat(Recurrence.occursOn(entry, date))
					.isEqualTo(expected.stream().anyMatch((occurrence) -> occurrence.date().equals(day)));
			}
			compared += expected.size();
		}
		assertThat(compared).isGreaterThan(10_000);
	}

	/**
	 * The recurrence rules written out literally, one date at a time, with the week count
	 * from ChronoUnit and the instant from the zone's transitions.
	 */
	private static List<Occurrence> bruteForce(ScheduleEntry entry, LocalDate from, LocalDate to, ZoneId zone) {
		List<Occurrence> occurrences = new ArrayList<>();
		LocalDate cycleMonday = entry.cycleStart().with(TemporalAdjusters.previousOrSame(MONDAY));
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			boolean valid = !date.isBefore(entry.validFrom())
					&& (entry.validTo() == null || !date.isAfter(entry.validTo()));
			if (!valid || !entry.daysOfWeek().contains(date.getDayOfWeek())) {
				continue;
			}
			long n = ChronoUnit.WEEKS.between(cycleMonday, date.with(TemporalAdjusters.previousOrSame(MONDAY)));
			long week = ((n % entry.cycleWeeks()) + entry.cycleWeeks()) % entry.cycleWeeks() + 1;
			if (!entry.weeks().contains((int) week)) {
				continue;
			}
			Instant startsAt = bruteForceInstant(date.atTime(entry.startTime()), zone);
			occurrences.add(new Occurrence(date, startsAt, startsAt.plus(Duration.ofMinutes(entry.durationMinutes()))));
		}
		return occurrences;
	}

	private static Instant bruteForceInstant(LocalDateTime local, ZoneId zone) {
		ZoneOffsetTransition transition = zone.getRules().getTransition(local);
		if (transition == null) {
			return local.toInstant(zone.getRules().getOffset(local));
		}
		if (transition.isGap()) {
			return local.plus(transition.getDuration()).toInstant(transition.getOffsetAfter());
		}
		return local.toInstant(transition.getOffsetBefore());
	}

	private static ScheduleEntry randomEntry(Random random) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (random.nextInt(3) == 0) {
				days.add(day);
			}
		}
		int cycleWeeks = 1 + random.nextInt(4);
		Set<Integer> weeks = new TreeSet<>();
		for (int week = 1; week <= cycleWeeks; week++) {
			if (random.nextBoolean()) {
				weeks.add(week);
			}
		}
		if (weeks.isEmpty() || random.nextInt(10) == 0) {
			weeks.add(1 + random.nextInt(cycleWeeks));
		}
		LocalDate cycleStart = LocalDate.of(2025, 1, 6).plusWeeks(random.nextInt(120));
		if (random.nextInt(5) == 0) {
			cycleStart = cycleStart.plusDays(1 + random.nextInt(6));
		}
		LocalDate validFrom = LocalDate.of(2025, 3, 1).plusDays(random.nextInt(700));
		LocalDate validTo = random.nextBoolean() ? validFrom.plusDays(random.nextInt(200)) : null;
		// Times around midnight and the small hours hit the clock changes.
		LocalTime start = (random.nextInt(3) == 0) ? LocalTime.of(random.nextInt(4), 15 * random.nextInt(4))
				: LocalTime.of(random.nextInt(24), 5 * random.nextInt(12));
		int duration = 15 + 15 * random.nextInt(12);
		return new ScheduleEntry(random.nextInt(1000), 1, 1, days, start, duration, cycleWeeks, cycleStart, weeks, 1,
				List.of(), null, validFrom, validTo, 0);
	}

	private static Occurrence single(ScheduleEntry entry, LocalDate date) {
		List<Occurrence> occurrences = Recurrence.occurrences(entry, date, date, LONDON);
		assertThat(occurrences).hasSize(1);
		return occurrences.get(0);
	}

	private static List<LocalDate> dates(ScheduleEntry entry, LocalDate from, LocalDate to) {
		return Recurrence.occurrences(entry, from, to, LONDON).stream().map(Occurrence::date).toList();
	}

	private static ScheduleEntry entry(Set<DayOfWeek> days, int cycleWeeks, Set<Integer> weeks) {
		return entry(days, cycleWeeks, weeks, CYCLE_START, CYCLE_START, null);
	}

	private static ScheduleEntry entry(Set<DayOfWeek> days, int cycleWeeks, Set<Integer> weeks, LocalDate cycleStart,
			LocalDate validFrom, LocalDate validTo) {
		return new ScheduleEntry(1, 1, 1, days, LocalTime.of(9, 0), 30, cycleWeeks, cycleStart, weeks, 1, List.of(),
				null, validFrom, validTo, 0);
	}

	private static ScheduleEntry weekly(DayOfWeek day, LocalTime start, int durationMinutes) {
		return new ScheduleEntry(1, 1, 1, Set.of(day), start, durationMinutes, 1, CYCLE_START, Set.of(1), 1, List.of(),
				null, CYCLE_START, null, 0);
	}

}
