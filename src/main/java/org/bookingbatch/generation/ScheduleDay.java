package org.bookingbatch.generation;

import java.time.LocalDate;

import org.bookingbatch.care.ScheduleEntry;

/**
 * A schedule entry on one day of a batch: what the build drafts at most one entry from.
 */
record ScheduleDay(ScheduleEntry entry, LocalDate day) {
}
