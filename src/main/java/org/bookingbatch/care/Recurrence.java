package org.bookingbatch.care;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a schedule entry into the dates it falls on and the instants of its visits.
 * Stateless and free of any framework, so that the batch, the API and the tests share one
 * definition of "when does this entry occur".
 * <p>
 * An entry occurs on date {@code d} when {@code d} lies within its valid from / valid to
 * dates (both inclusive), {@code d}'s day of week is one of the entry's days, and with
 * {@code n} the number of whole weeks from the Monday of the cycle start to the Monday of
 * {@code d}, {@code (n mod cycleWeeks) + 1} is one of the entry's weeks. Dates before the
 * cycle start continue the cycle backwards.
 * <p>
 * Times are local to the provider's zone. A start time that does not exist on a date (the
 * spring-forward gap) moves forward by the length of the gap; an ambiguous one (the
 * fall-back overlap) takes the earlier offset. A visit lasts its duration in real time
 * and belongs to the date it starts on, also when it ends after midnight.
 */
public final class Recurrence {

	private static final int DAYS_PER_WEEK = 7;

	private Recurrence() {
	}

	/**
	 * The occurrences of an entry from {@code from} to {@code to}, both inclusive, in
	 * date order; empty when the range is empty or outside the entry's validity.
	 * @param entry the schedule entry
	 * @param from the first date to consider
	 * @param to the last date to consider
	 * @param zone the provider's time zone the entry's start time is local to
	 * @return the occurrences, in date order
	 */
	public static List<Occurrence> occurrences(ScheduleEntry entry, LocalDate from, LocalDate to, ZoneId zone) {
		List<Occurrence> occurrences = new ArrayList<>();
		forEachOccurrence(entry, from, to, zone, occurrences::add);
		return occurrences;
	}

	/**
	 * Hands each occurrence of an entry from {@code from} to {@code to} (both inclusive)
	 * to {@code action}, in date order, without collecting them first.
	 * @param entry the schedule entry
	 * @param from the first date to consider
	 * @param to the last date to consider
	 * @param zone the provider's time zone the entry's start time is local to
	 * @param action receives every occurrence
	 */
	public static void forEachOccurrence(ScheduleEntry entry, LocalDate from, LocalDate to, ZoneId zone,
			Consumer<Occurrence> action) {
		Pattern pattern = Pattern.of(entry);
		long first = Math.max(from.toEpochDay(), entry.validFrom().toEpochDay());
		long last = (entry.validTo() != null) ? Math.min(to.toEpochDay(), entry.validTo().toEpochDay())
				: to.toEpochDay();
		long day = first;
		while (day <= last) {
			long monday = mondayOf(day);
			if (pattern.runsInWeekOf(monday)) {
				long endOfWeek = Math.min(monday + DAYS_PER_WEEK - 1, last);
				for (long d = day; d <= endOfWeek; d++) {
					if (pattern.runsOnDay(isoDayIndex(d))) {
						LocalDate date = LocalDate.ofEpochDay(d);
						action.accept(occurrence(date, entry.startTime(), entry.durationMinutes(), zone));
					}
				}
			}
			// Whole weeks that the entry skips cost one check each.
			day = monday + DAYS_PER_WEEK;
		}
	}

	/**
	 * Whether the entry occurs on the date.
	 * @param entry the schedule entry
	 * @param date the local date
	 * @return true when all the recurrence rules hold for the date
	 */
	public static boolean occursOn(ScheduleEntry entry, LocalDate date) {
		if (date.isBefore(entry.validFrom()) || (entry.validTo() != null && date.isAfter(entry.validTo()))) {
			return false;
		}
		Pattern pattern = Pattern.of(entry);
		long day = date.toEpochDay();
		return pattern.runsOnDay(isoDayIndex(day)) && pattern.runsInWeekOf(mondayOf(day));
	}

	/**
	 * The 1-based week of the entry's cycle that the date falls in, whether or not the
	 * entry runs then.
	 * @param entry the schedule entry
	 * @param date the local date
	 * @return a number from 1 to the entry's cycle length
	 */
	public static int weekOfCycle(ScheduleEntry entry, LocalDate date) {
		checkCycle(entry.cycleWeeks());
		long weeks = (mondayOf(date.toEpochDay()) - mondayOf(entry.cycleStart().toEpochDay())) / DAYS_PER_WEEK;
		return (int) Math.floorMod(weeks, (long) entry.cycleWeeks()) + 1;
	}

	/**
	 * The visit of an entry that starts on a date, with its instants.
	 * @param date the local date the visit starts on
	 * @param startTime the local start time
	 * @param durationMinutes the length of the visit in real minutes
	 * @param zone the provider's time zone
	 * @return the occurrence
	 */
	public static Occurrence occurrence(LocalDate date, LocalTime startTime, int durationMinutes, ZoneId zone) {
		Instant startsAt = startsAt(date, startTime, zone);
		return new Occurrence(date, startsAt, startsAt.plusSeconds(durationMinutes * 60L));
	}

	/**
	 * The instant a local start time on a date stands for: moved forward by the gap when
	 * it falls into a spring-forward gap, at the earlier offset when it is ambiguous.
	 * @param date the local date
	 * @param time the local time
	 * @param zone the provider's time zone
	 * @return the instant
	 */
	public static Instant startsAt(LocalDate date, LocalTime time, ZoneId zone) {
		// ZonedDateTime.of resolves a gap by shifting forward by its length and an
		// overlap to the earlier offset: exactly the rules of the domain.
		return ZonedDateTime.of(date, time, zone).toInstant();
	}

	/**
	 * The days of the week as a bit set, bit {@code (ISO day - 1)}: the form
	 * {@code schedule_entry.days_of_week} stores.
	 * @param days the days
	 * @return the bit set
	 */
	public static int daysMask(Collection<DayOfWeek> days) {
		int mask = 0;
		for (DayOfWeek day : days) {
			mask |= 1 << (day.getValue() - 1);
		}
		return mask;
	}

	/**
	 * The weeks of a cycle as a bit set, bit {@code (week - 1)}: the form
	 * {@code schedule_entry.weeks} stores.
	 * @param weeks the 1-based weeks
	 * @return the bit set
	 */
	public static int weeksMask(Collection<Integer> weeks) {
		int mask = 0;
		for (int week : weeks) {
			if (week < 1 || week > 31) {
				throw new IllegalArgumentException("A week of a cycle is from 1 to 4, not " + week);
			}
			mask |= 1 << (week - 1);
		}
		return mask;
	}

	/** The Monday on or before an epoch day (1970-01-01 was a Thursday). */
	private static long mondayOf(long epochDay) {
		return epochDay - isoDayIndex(epochDay);
	}

	/** 0 for Monday up to 6 for Sunday. */
	private static int isoDayIndex(long epochDay) {
		return (int) Math.floorMod(epochDay + 3, (long) DAYS_PER_WEEK);
	}

	private static void checkCycle(int cycleWeeks) {
		if (cycleWeeks < 1) {
			throw new IllegalArgumentException("A cycle is at least one week long, not " + cycleWeeks);
		}
	}

	/**
	 * An entry's recurrence as bit sets and epoch days, so that the loops above do
	 * integer arithmetic only.
	 */
	private record Pattern(int days, int weeks, int cycleWeeks, long cycleMonday) {

		static Pattern of(ScheduleEntry entry) {
			checkCycle(entry.cycleWeeks());
			return new Pattern(daysMask(entry.daysOfWeek()), weeksMask(entry.weeks()), entry.cycleWeeks(),
					mondayOf(entry.cycleStart().toEpochDay()));
		}

		boolean runsOnDay(int isoDayIndex) {
			return (this.days & (1 << isoDayIndex)) != 0;
		}

		boolean runsInWeekOf(long monday) {
			long n = (monday - this.cycleMonday) / DAYS_PER_WEEK;
			int week = (int) Math.floorMod(n, (long) this.cycleWeeks);
			return (this.weeks & (1 << week)) != 0;
		}

	}

}
