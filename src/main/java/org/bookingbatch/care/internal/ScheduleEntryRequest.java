package org.bookingbatch.care.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A schedule entry as a client sends it; missing optional fields take their defaults
 * (cycleWeeks 1, weeks [1], carersRequired 1, no carers, cycleStart the Monday on or
 * before validFrom).
 *
 * @param version on an update, the version the change was based on; a different current
 * version is a conflict
 */
record ScheduleEntryRequest(@Nullable Long clientId, @Nullable Long teamId,
		@Nullable List<@Nullable DayOfWeek> daysOfWeek, @Nullable LocalTime startTime,
		@Nullable Integer durationMinutes, @Nullable Integer cycleWeeks, @Nullable LocalDate cycleStart,
		@Nullable List<@Nullable Integer> weeks, @Nullable Integer carersRequired,
		@Nullable List<@Nullable Long> carerIds, @Nullable Long serviceContractId, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, @Nullable Long version) {
}
