package org.bookingbatch.generation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.bookingbatch.booking.BookingCandidate;
import org.bookingbatch.booking.ValidationIssue;

/**
 * One occurrence in a batch: the booking it would become, its status and its issues.
 */
public record BatchEntry(long id, long batchId, long scheduleEntryId, long scheduleVersion, long clientId, long teamId,
		LocalDate occurrenceDate, Instant startsAt, Instant endsAt, int carersRequired, List<Long> carerIds,
		@Nullable Long serviceContractId, EntryStatus status, boolean selected, boolean stale, boolean hasWarning,
		List<ValidationIssue> issues, @Nullable Long bookingId, @Nullable String error, long version) {

	EntryState state() {
		return new EntryState(this.status, this.selected, this.hasWarning, this.stale);
	}

	BookingCandidate candidate() {
		return new BookingCandidate(this.id, this.clientId, this.teamId, this.scheduleEntryId, this.occurrenceDate,
				this.startsAt, this.endsAt, this.carersRequired, this.carerIds, this.serviceContractId);
	}

	BatchEntry withCarers(List<Long> carerIds) {
		return new BatchEntry(this.id, this.batchId, this.scheduleEntryId, this.scheduleVersion, this.clientId,
				this.teamId, this.occurrenceDate, this.startsAt, this.endsAt, this.carersRequired, carerIds,
				this.serviceContractId, this.status, this.selected, this.stale, this.hasWarning, this.issues,
				this.bookingId, this.error, this.version);
	}

}
