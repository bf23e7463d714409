package org.bookingbatch.generation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An occurrence drafted into a batch, before it has an id.
 */
record EntryDraft(long scheduleEntryId, long scheduleVersion, long clientId, long teamId, LocalDate occurrenceDate,
		Instant startsAt, Instant endsAt, int carersRequired, List<Long> carerIds, @Nullable Long serviceContractId) {
}
