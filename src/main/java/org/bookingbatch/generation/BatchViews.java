package org.bookingbatch.generation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.bookingbatch.booking.ValidationIssue;

/**
 * The JSON shapes of the batch API (api.md).
 */
final class BatchViews {

	private BatchViews() {
	}

	record StartRequest(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable List<Long> teamIds,
			@Nullable String name, @Nullable Boolean provisional) {
	}

	record EntryPatch(@Nullable List<Long> carerIds, @Nullable Boolean selected) {
	}

	record SelectionRequest(@Nullable List<Long> entryIds, @Nullable Boolean all, @Nullable Boolean selected) {
	}

	record RemovalRequest(@Nullable List<Long> entryIds, org.bookingbatch.booking.@Nullable IssueCode issue) {
	}

	record Updated(int updated) {
	}

	record Removed(int removed) {
	}

	record AutoResolveResponse(List<AutoResolver.Result> results) {
	}

	record Counts(int total, int pending, int valid, int invalid, int warnings, int stale, int selected, int confirmed,
			int creating, int created, int failed, int skipped, int removed) {

		static Counts of(BatchCounts c) {
			return new Counts(c.total(), c.pending(), c.valid(), c.invalid(), c.warnings(), c.stale(), c.selected(),
					c.confirmed(), c.creating(), c.created(), c.failed(), c.skipped(), c.removed());
		}

	}

	record Progress(String phase, int done, int total, @Nullable Integer percent) {

		static Progress of(BookingBatch batch) {
			BatchCounts c = batch.counts();
			int done;
			int total;
			switch (batch.status()) {
				case PENDING -> {
					done = 0;
					total = 0;
				}
				case BUILDING_ENTRIES -> {
					done = c.total();
					total = c.total();
				}
				case VALIDATING, VALIDATED, REVALIDATING -> {
					done = c.total() - c.pending() - c.stale();
					total = c.total();
				}
				case CONFIRMING, CONFIRMED -> {
					// the selected entries become confirmed or rejected as they are
					// checked
					done = c.checked();
					total = c.confirmed() + c.rejected() + c.selected();
				}
				default -> {
					done = c.created() + c.failed();
					total = c.created() + c.failed() + c.confirmed() + c.creating();
				}
			}
			Integer percent = (batch.status() == BookingBatchStatus.BUILDING_ENTRIES || total == 0) ? null
					: (int) Math.min(100, (done * 100L) / total);
			return new Progress(batch.status().name(), done, total, percent);
		}

	}

	record BatchResponse(long id, long number, String name, LocalDate from, LocalDate to, List<Long> teamIds,
			String status, List<BatchAction> availableActions, Counts counts, Progress progress, boolean stalled,
			String origin, @Nullable Long retryOfId, @Nullable Long retriedAsId, String createdBy, Instant createdAt,
			Instant updatedAt, @Nullable Instant finishedAt, @Nullable String failureReason) {

		static BatchResponse of(BookingBatch batch, BatchService service) {
			return new BatchResponse(batch.id(), batch.id(), batch.name(), batch.from(), batch.to(), batch.teamIds(),
					batch.status().name(), service.availableActions(batch), Counts.of(batch.counts()),
					Progress.of(batch), service.stalled(batch), batch.origin().name(), batch.retryOfId(),
					batch.retriedAsId(), batch.createdBy(), batch.createdAt(), batch.updatedAt(), batch.finishedAt(),
					batch.failureReason());
		}

	}

	record EntryResponse(long id, long scheduleEntryId, long clientId, long teamId, LocalDate occurrenceDate,
			Instant startsAt, Instant endsAt, int carersRequired, List<Long> carerIds, String status, boolean selected,
			boolean stale, List<ValidationIssue> issues, @Nullable Long bookingId, @Nullable String error) {

		static EntryResponse of(BatchEntry entry) {
			return new EntryResponse(entry.id(), entry.scheduleEntryId(), entry.clientId(), entry.teamId(),
					entry.occurrenceDate(), entry.startsAt(), entry.endsAt(), entry.carersRequired(), entry.carerIds(),
					entry.status().name(), entry.selected(), entry.stale(), entry.issues(), entry.bookingId(),
					entry.error());
		}

	}

}
