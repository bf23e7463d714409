package org.bookingbatch.care.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.bookingbatch.care.ScheduleEntry;
import org.jspecify.annotations.Nullable;

/**
 * A schedule entry as the API shows it: days and weeks in order, the start time as
 * {@code HH:mm}.
 */
record ScheduleEntryResponse(long id, long clientId, long teamId, List<DayOfWeek> daysOfWeek,
		@JsonFormat(pattern = "HH:mm") LocalTime startTime, int durationMinutes, int cycleWeeks, LocalDate cycleStart,
		List<Integer> weeks, int carersRequired, List<Long> carerIds, @Nullable Long serviceContractId,
		LocalDate validFrom, @Nullable LocalDate validTo, long version) {

	static ScheduleEntryResponse of(ScheduleEntry entry) {
		return new ScheduleEntryResponse(entry.id(), entry.clientId(), entry.teamId(),
				entry.daysOfWeek().stream().sorted().toList(), entry.startTime(), entry.durationMinutes(),
				entry.cycleWeeks(), entry.cycleStart(), entry.weeks().stream().sorted().toList(),
				entry.carersRequired(), entry.carerIds(), entry.serviceContractId(), entry.validFrom(), entry.validTo(),
				entry.version());
	}

}
