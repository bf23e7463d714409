package org.bookingbatch.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One date on which a schedule entry falls, with the visit's instants.
 *
 * @param date the local date the visit starts on
 */
public record Occurrence(LocalDate date, Instant startsAt, Instant endsAt) {
}
