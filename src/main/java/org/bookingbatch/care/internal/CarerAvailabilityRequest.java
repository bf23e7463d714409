package org.bookingbatch.care.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

record CarerAvailabilityRequest(@Nullable DayOfWeek dayOfWeek, @Nullable LocalTime startTime,
		@Nullable LocalTime endTime) {
}
