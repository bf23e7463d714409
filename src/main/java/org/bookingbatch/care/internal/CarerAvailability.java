package org.bookingbatch.care.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One window of a carer's weekly working pattern, in local time.
 */
record CarerAvailability(long id, long carerId, DayOfWeek dayOfWeek, @JsonFormat(pattern = "HH:mm") LocalTime startTime,
		@JsonFormat(pattern = "HH:mm") LocalTime endTime) {
}
