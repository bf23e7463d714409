package org.bookingbatch.care;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A client's regular visit: on which days, at what local time, for how long, in which
 * weeks of a cycle, with how many carers and which ones are allocated.
 *
 * @param cycleStart a Monday; week 1 of the cycle starts on it
 * @param weeks the weeks of the cycle (1-based) the entry runs in
 * @param carerIds the allocated carers in slot order, at most {@code carersRequired}
 */
public record ScheduleEntry(long id, long clientId, long teamId, Set<DayOfWeek> daysOfWeek, LocalTime startTime,
		int durationMinutes, int cycleWeeks, LocalDate cycleStart, Set<Integer> weeks, int carersRequired,
		List<Long> carerIds, @Nullable Long serviceContractId, LocalDate validFrom, @Nullable LocalDate validTo,
		long version) {
}
