package org.bookingbatch.generation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A booking-generation batch as stored.
 *
 * @param teamIds the teams it covers; empty means all teams
 */
public record BookingBatch(long id, String name, LocalDate from, LocalDate to, List<Long> teamIds,
		BookingBatchStatus status, BatchOrigin origin, boolean provisional, @Nullable Long retryOfId,
		@Nullable Long retriedAsId, String createdBy, Instant createdAt, Instant updatedAt,
		@Nullable Instant finishedAt, @Nullable Instant doneAt, @Nullable String failureReason, BatchCounts counts,
		@Nullable String ownerNode, @Nullable Instant heartbeatAt, int resumeAttempts, long version) {

	public boolean done() {
		return this.doneAt != null;
	}

}
