package org.bookingbatch.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.bookingbatch.generation.BatchCounts;
import org.bookingbatch.generation.BatchQueries;
import org.bookingbatch.generation.BookingBatch;
import org.bookingbatch.generation.BookingBatchStatus;

/**
 * A batch as the list and the batch page show it, with dates and times already in the
 * provider's zone.
 *
 * @param tone the badge colour: running, review, ok, partial, bad or muted
 * @param progressText the progress bar's caption, e.g. "12 of 40 checked"
 */
record BatchSummary(long id, String name, String range, String teams, String status, String statusLabel, String tone,
		boolean running, boolean finished, boolean done, boolean stalled, BatchCounts counts,
		BatchQueries.Progress progress, String progressText, String origin, String createdBy, String createdAt,
		String updatedAt, String finishedAt, @Nullable Long retryOfId, @Nullable Long retriedAsId,
		@Nullable String failureReason) {

	static BatchSummary of(BookingBatch batch, boolean stalled, List<String> teamNames, AdminFormats formats) {
		BatchQueries.Progress progress = BatchQueries.progress(batch);
		return new BatchSummary(batch.id(), batch.name(), formats.range(batch.from(), batch.to()),
				teamNames.isEmpty() ? "All teams" : String.join(", ", teamNames), batch.status().name(),
				batch.status().label(), tone(batch.status()), batch.status().isRunning(), batch.status().isFinished(),
				batch.done(), stalled, batch.counts(), progress, progressText(batch.status(), progress),
				batch.origin().name(), batch.createdBy(), formats.dateTime(batch.createdAt()),
				formats.dateTime(batch.updatedAt()), formats.dateTime(batch.finishedAt()), batch.retryOfId(),
				batch.retriedAsId(), batch.failureReason());
	}

	/** The progress bar's width in percent; 0 while the total is not known. */
	public int percent() {
		return (this.progress.percent() != null) ? this.progress.percent() : 0;
	}

	/** Whether the progress bar has no known end yet (building entries). */
	public boolean indeterminate() {
		return this.progress.percent() == null && this.running;
	}

	static String tone(BookingBatchStatus status) {
		return switch (status) {
			case VALIDATED -> "review";
			case COMPLETED -> "ok";
			case PARTIALLY_COMPLETED -> "partial";
			case FAILED -> "bad";
			case CANCELLED -> "muted";
			default -> "running";
		};
	}

	static String progressText(BookingBatchStatus status, BatchQueries.Progress progress) {
		return switch (status) {
			case PENDING -> "Queued to start";
			case BUILDING_ENTRIES -> progress.done() + " entries drafted so far";
			case VALIDATING, REVALIDATING, VALIDATED -> progress.done() + " of " + progress.total() + " checked";
			case CONFIRMING, CONFIRMED -> progress.done() + " of " + progress.total() + " re-checked";
			default -> progress.done() + " of " + progress.total() + " created or failed";
		};
	}

}
