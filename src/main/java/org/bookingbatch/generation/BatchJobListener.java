package org.bookingbatch.generation;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the batch through its statuses as the job's steps start and finish, and writes
 * the timeline.
 */
@Component
class BatchJobListener implements StepExecutionListener, JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(BatchJobListener.class);

	static final String REJECTED = "REJECTED";

	/** The steps that run in partitions, each with its count shard. */
	private static final Set<String> PARTITIONED_STEPS = Set.of(BookingGenerationJobConfiguration.BUILD_STEP,
			BookingGenerationJobConfiguration.VALIDATE_STEP, BookingGenerationJobConfiguration.CONFIRM_STEP,
			BookingGenerationJobConfiguration.CREATE_STEP);

	private final BatchRepository batches;

	private final EntryRepository entries;

	private final BatchTimeline timeline;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final NodeIdentity node;

	BatchJobListener(BatchRepository batches, EntryRepository entries, BatchTimeline timeline,
			TransactionTemplate transactions, Clock clock, NodeIdentity node) {
		this.batches = batches;
		this.entries = entries;
		this.timeline = timeline;
		this.transactions = transactions;
		this.clock = clock;
		this.node = node;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		long batchId = batchId(jobExecution);
		MDC.put("batchId", String.valueOf(batchId));
		MDC.put("jobExecutionId", String.valueOf(jobExecution.getId()));
		this.batches.claim(batchId, this.node.id(), now());
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		long batchId = batchId(stepExecution.getJobExecution());
		MDC.put("batchId", String.valueOf(batchId));
		MDC.put("jobExecutionId", String.valueOf(stepExecution.getJobExecutionId()));
		switch (stepExecution.getStepName()) {
			case BookingGenerationJobConfiguration.BUILD_STEP ->
				move(batchId, Set.of(BookingBatchStatus.PENDING), BookingBatchStatus.BUILDING_ENTRIES, null);
			case BookingGenerationJobConfiguration.VALIDATE_STEP ->
				move(batchId, Set.of(BookingBatchStatus.BUILDING_ENTRIES), BookingBatchStatus.VALIDATING, null);
			case BookingGenerationJobConfiguration.CREATE_STEP ->
				move(batchId, Set.of(BookingBatchStatus.CONFIRMED), BookingBatchStatus.CREATING, null);
			default -> {
			}
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		long batchId = batchId(stepExecution.getJobExecution());
		if (PARTITIONED_STEPS.contains(stepExecution.getStepName())) {
			// every partition has ended
			this.batches.foldShards(batchId);
		}
		if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
			return stepExecution.getExitStatus();
		}
		switch (stepExecution.getStepName()) {
			case BookingGenerationJobConfiguration.VALIDATE_STEP ->
				move(batchId, Set.of(BookingBatchStatus.VALIDATING), BookingBatchStatus.VALIDATED, summary(batchId));
			case BookingGenerationJobConfiguration.REVALIDATE_STEP ->
				move(batchId, Set.of(BookingBatchStatus.REVALIDATING), BookingBatchStatus.VALIDATED, summary(batchId));
			case BookingGenerationJobConfiguration.CONFIRM_STEP -> {
				if (this.batches.find(batchId).orElseThrow().status() != BookingBatchStatus.CONFIRMING) {
					// cancelled back to review meanwhile: the decider pauses the job
					// again
					return stepExecution.getExitStatus();
				}
				int rejected = this.batches.rejected(batchId);
				if (rejected > 0) {
					this.transactions.executeWithoutResult((status) -> {
						this.entries.backToReview(batchId);
						this.batches.recount(batchId, now());
						move(batchId, Set.of(BookingBatchStatus.CONFIRMING), BookingBatchStatus.VALIDATED,
								rejected + " confirmed " + ((rejected == 1) ? "entry" : "entries")
										+ " failed the final check and became invalid; nothing was created."
										+ " Review them and confirm again.");
					});
					return new ExitStatus(REJECTED);
				}
				move(batchId, Set.of(BookingBatchStatus.CONFIRMING), BookingBatchStatus.CONFIRMED,
						"Every confirmed entry passed the final check");
			}
			case BookingGenerationJobConfiguration.CREATE_STEP -> {
				BookingBatchStatus status = this.batches.find(batchId).orElseThrow().status();
				if (!status.isFinished() && status != BookingBatchStatus.CREATING) {
					// the confirmation was cancelled before creation began
					return new ExitStatus(ReviewDecider.REVIEW);
				}
				finishCreation(batchId, null, BatchTimeline.SYSTEM);
			}
			default -> {
			}
		}
		return stepExecution.getExitStatus();
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		long batchId = batchId(jobExecution);
		try {
			if (jobExecution.getStatus() != BatchStatus.FAILED) {
				return;
			}
			String reason = jobExecution.getAllFailureExceptions()
				.stream()
				.map(BatchJobListener::describe)
				.distinct()
				.collect(Collectors.joining("; "));
			BookingBatch batch = this.batches.find(batchId).orElseThrow();
			if (batch.status() == BookingBatchStatus.REVALIDATING) {
				move(batchId, Set.of(BookingBatchStatus.REVALIDATING), BookingBatchStatus.VALIDATED,
						"Revalidation failed: " + reason);
				return;
			}
			if (!batch.status().isFinished()) {
				log.warn("Batch {} failed: {}", batchId, reason);
				this.transactions.executeWithoutResult((status) -> {
					this.batches.fail(batchId, "Failed while " + batch.status().label().toLowerCase() + ": " + reason,
							now());
					this.timeline.record(batchId, "FAILED", batch.status(), BookingBatchStatus.FAILED,
							BatchTimeline.SYSTEM,
							"Failed while " + batch.status().label().toLowerCase() + ": " + reason);
				});
			}
		}
		finally {
			MDC.remove("batchId");
			MDC.remove("jobExecutionId");
		}
	}

	/**
	 * Ends a creating batch by its counts: COMPLETED when nothing failed, FAILED when
	 * nothing was created, PARTIALLY_COMPLETED otherwise.
	 */
	void finishCreation(long batchId, String note, String actor) {
		this.transactions.executeWithoutResult((status) -> {
			BookingBatch batch = this.batches.lock(batchId).orElseThrow();
			BatchCounts counts = batch.counts();
			BookingBatchStatus end = (counts.failed() == 0) ? BookingBatchStatus.COMPLETED
					: (counts.created() == 0) ? BookingBatchStatus.FAILED : BookingBatchStatus.PARTIALLY_COMPLETED;
			String message = counts.created() + " bookings created, " + counts.failed() + " failed"
					+ ((note != null) ? ". " + note : "");
			if (this.batches.transition(batchId, Set.of(BookingBatchStatus.CREATING), end, now())) {
				if (end == BookingBatchStatus.FAILED) {
					this.batches.fail(batchId, "No booking could be created: every confirmed entry failed", now());
				}
				this.timeline.statusChanged(batchId, BookingBatchStatus.CREATING, end, actor, message);
			}
		});
	}

	private String summary(long batchId) {
		BatchCounts counts = this.batches.find(batchId).orElseThrow().counts();
		return counts.total() + " entries: " + counts.valid() + " valid (" + counts.warnings() + " with warnings), "
				+ counts.invalid() + " invalid";
	}

	private void move(long batchId, Set<BookingBatchStatus> from, BookingBatchStatus to, String message) {
		this.transactions.executeWithoutResult((status) -> {
			BookingBatch batch = this.batches.find(batchId).orElseThrow();
			if (from.contains(batch.status()) && this.batches.transition(batchId, from, to, now())) {
				this.timeline.statusChanged(batchId, batch.status(), to, BatchTimeline.SYSTEM, message);
			}
		});
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	private static long batchId(JobExecution jobExecution) {
		return jobExecution.getJobParameters().getLong("batchId");
	}

	private static String describe(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return (cause == failure) ? message : failure.getMessage() + " (" + message + ")";
	}

}
