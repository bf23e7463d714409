package org.bookingbatch.generation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows each open scheduled run on every node: in auto-confirm-valid mode it confirms
 * the valid entries of the run's batch once it is validated (invalid ones stay on the
 * batch for review), and it retries a run's batch that ended FAILED as a new batch
 * (origin RETRY) with back-off, up to the configured number of times. Each run's row is
 * locked while it is followed, so that two nodes never act on it at once.
 */
@Component
class ScheduledRunFollowUp {

	private static final Logger log = LoggerFactory.getLogger(ScheduledRunFollowUp.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss");

	private final ScheduledRuns runs;

	private final BatchRepository batches;

	private final BatchService service;

	private final BatchTimeline timeline;

	private final GenerationProperties.Retry retry;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ZoneId zone;

	ScheduledRunFollowUp(ScheduledRuns runs, BatchRepository batches, BatchService service, BatchTimeline timeline,
			GenerationProperties properties, TransactionTemplate transactions, Clock clock, ZoneId zone) {
		this.runs = runs;
		this.batches = batches;
		this.service = service;
		this.timeline = timeline;
		this.retry = properties.schedule().retry();
		this.transactions = transactions;
		this.clock = clock;
		this.zone = zone;
	}

	@Scheduled(fixedDelayString = "${booking.generation.schedule.follow-up-interval:PT30S}",
			initialDelayString = "${booking.generation.schedule.follow-up-interval:PT30S}")
	void followUp() {
		for (LocalDate runDate : this.runs.open()) {
			try {
				this.transactions.executeWithoutResult((status) -> followUp(runDate));
			}
			catch (RuntimeException ex) {
				// Refused (for example, a batch mid-creation blocks the confirm or the
				// retry): tried again on the next pass; the reason is kept on the run.
				log.warn("Scheduled run of {}: {}", runDate, ex.getMessage());
				noteOnce(runDate, ex.getMessage());
			}
		}
	}

	private void followUp(LocalDate runDate) {
		ScheduledRuns.ScheduledRun run = this.runs.lock(runDate).orElse(null);
		if (run == null || run.state() != ScheduledRuns.State.OPEN || run.batchId() == null) {
			return;
		}
		BookingBatch batch = this.batches.find(run.batchId()).orElseThrow();
		try (MDC.MDCCloseable ignored = MDC.putCloseable("batchId", String.valueOf(batch.id()))) {
			if (batch.retriedAsId() != null) {
				// Someone retried it by hand: the run follows the new batch.
				this.runs.follow(runDate, batch.retriedAsId());
				return;
			}
			switch (batch.status()) {
				case VALIDATED -> autoConfirm(run, batch);
				case FAILED -> retry(run, batch);
				case COMPLETED, PARTIALLY_COMPLETED, CANCELLED -> this.runs.close(runDate, ScheduledRuns.State.DONE,
						"Batch #" + batch.id() + " ended " + batch.status().name());
				default -> {
				}
			}
		}
	}

	private void autoConfirm(ScheduledRuns.ScheduledRun run, BookingBatch batch) {
		if (run.mode() != GenerationProperties.ScheduleMode.AUTO_CONFIRM_VALID
				|| Objects.equals(run.confirmedBatchId(), batch.id())) {
			return;
		}
		this.runs.markConfirmed(run.runDate(), batch.id());
		if (batch.counts().selected() == 0) {
			this.timeline.action(batch.id(), "AUTO_CONFIRM", ScheduledGeneration.ACTOR,
					"Scheduled run in auto-confirm-valid mode: no valid entry to confirm; " + batch.counts().invalid()
							+ " invalid entries wait for review");
			return;
		}
		log.info("Scheduled run of {}: confirming the {} valid entries of batch {}; {} invalid entries stay for review",
				run.runDate(), batch.counts().selected(), batch.id(), batch.counts().invalid());
		this.service.confirm(batch.id(), ScheduledGeneration.ACTOR);
	}

	private void retry(ScheduledRuns.ScheduledRun run, BookingBatch batch) {
		int attempt = run.retries() + 1;
		Instant now = Instant.now(this.clock);
		if (attempt > this.retry.maxAttempts()) {
			String message = "Scheduled run of " + run.runDate() + " failed"
					+ ((run.retries() > 0) ? " after " + run.retries() + " automatic retries" : "") + "; no retry left";
			this.runs.close(run.runDate(), ScheduledRuns.State.GAVE_UP, message);
			this.timeline.action(batch.id(), "SCHEDULE_GAVE_UP", ScheduledGeneration.ACTOR, message);
			log.warn(message);
			return;
		}
		if (run.nextRetryAt() == null) {
			Duration backoff = this.retry.backoffBefore(attempt);
			Instant failedAt = (batch.finishedAt() != null) ? batch.finishedAt() : now;
			Instant at = failedAt.plus(backoff);
			this.runs.retryAt(run.runDate(), at);
			this.timeline.action(batch.id(), "RETRY_SCHEDULED", ScheduledGeneration.ACTOR,
					"Automatic retry " + attempt + " of " + this.retry.maxAttempts() + " at "
							+ TIME.format(at.atZone(this.zone)) + " (back-off " + describe(backoff) + ")");
			return;
		}
		if (now.isBefore(run.nextRetryAt())) {
			return;
		}
		BookingBatch retried = this.service.retry(batch.id(), ScheduledGeneration.ACTOR);
		this.runs.retried(run.runDate(), retried.id());
		this.timeline.action(retried.id(), "AUTOMATIC_RETRY", ScheduledGeneration.ACTOR, "Automatic retry " + attempt
				+ " of " + this.retry.maxAttempts() + " of the scheduled run of " + run.runDate());
		log.info("Scheduled run of {}: batch {} failed; retried as batch {} (retry {} of {})", run.runDate(),
				batch.id(), retried.id(), attempt, this.retry.maxAttempts());
	}

	private void noteOnce(LocalDate runDate, String message) {
		try {
			this.transactions.executeWithoutResult((status) -> this.runs.lock(runDate)
				.filter((run) -> !Objects.equals(run.message(), message))
				.ifPresent((run) -> {
					this.runs.note(runDate, message);
					if (run.batchId() != null) {
						this.timeline.action(run.batchId(), "SCHEDULE_REFUSED", ScheduledGeneration.ACTOR,
								"Scheduled run: " + message + "; tried again later");
					}
				}));
		}
		catch (RuntimeException ex) {
			log.warn("Scheduled run of {}: could not record the refusal: {}", runDate, ex.getMessage());
		}
	}

	private static String describe(Duration duration) {
		if (duration.toSeconds() < 120) {
			return duration.toSeconds() + " seconds";
		}
		if (duration.toMinutes() < 120) {
			return duration.toMinutes() + " minutes";
		}
		return duration.toHours() + " hours";
	}

}
