package org.bookingbatch.generation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes batches whose node died. On start-up a node resumes the unfinished batches it
 * owned itself; the watchdog on every node takes over batches whose owner has not beaten
 * for stall-after. Every resume is noted on the batch's timeline; after repeated failures
 * the batch is left stalled for FORCE_COMPLETE.
 */
@Component
class BatchRecovery {

	private static final Logger log = LoggerFactory.getLogger(BatchRecovery.class);

	private static final EnumSet<BookingBatchStatus> RESUMABLE = EnumSet.of(BookingBatchStatus.PENDING,
			BookingBatchStatus.BUILDING_ENTRIES, BookingBatchStatus.VALIDATING, BookingBatchStatus.CONFIRMING,
			BookingBatchStatus.CONFIRMED, BookingBatchStatus.CREATING, BookingBatchStatus.REVALIDATING);

	private final BatchRepository batches;

	private final BatchTimeline timeline;

	private final BatchJobLauncher launcher;

	private final NodeRegistry nodes;

	private final GenerationProperties properties;

	private final Clock clock;

	BatchRecovery(BatchRepository batches, BatchTimeline timeline, BatchJobLauncher launcher, NodeRegistry nodes,
			GenerationProperties properties, Clock clock) {
		this.batches = batches;
		this.timeline = timeline;
		this.launcher = launcher;
		this.nodes = nodes;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeOwnBatches() {
		this.nodes.beat();
		for (BookingBatch batch : this.batches.findByStatus(RESUMABLE)) {
			if (this.nodes.self().equals(batch.ownerNode()) || batch.ownerNode() == null) {
				resume(batch, "Resumed after the application restarted");
			}
		}
	}

	@Scheduled(fixedDelayString = "${booking.generation.watchdog-interval:PT15S}",
			initialDelayString = "${booking.generation.watchdog-interval:PT15S}")
	void watchdog() {
		this.nodes.beat();
		Instant limit = Instant.now(this.clock).minus(this.properties.stallAfter());
		for (BookingBatch batch : this.batches.findByStatus(RESUMABLE)) {
			Instant last = (batch.heartbeatAt() != null) ? batch.heartbeatAt() : batch.updatedAt();
			if (last.isBefore(limit) && !this.nodes.isAlive(batch.ownerNode())
					&& batch.resumeAttempts() < this.properties.maxResumeAttempts()) {
				resume(batch, "Taken over from node " + batch.ownerNode() + ", which stopped responding");
			}
		}
	}

	private void resume(BookingBatch batch, String reason) {
		if (!this.batches.claimFrom(batch.id(), batch.version(), this.nodes.self(), Instant.now(this.clock))) {
			return;
		}
		try {
			if (batch.status() == BookingBatchStatus.REVALIDATING) {
				this.launcher.recoverSmallJobs(batch.id());
				this.timeline.action(batch.id(), "RECOVERED", BatchTimeline.SYSTEM, reason + "; revalidating again");
				this.launcher.revalidate(batch.id(), System.currentTimeMillis());
				return;
			}
			boolean resumed = this.launcher.recoverAndRestart(batch.id());
			if (resumed) {
				log.info("Batch {} ({}): {}", batch.id(), batch.status(), reason);
				this.timeline.action(batch.id(), "RECOVERED", BatchTimeline.SYSTEM, reason + "; resuming "
						+ batch.status().label().toLowerCase() + " after the last committed chunk");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not resume batch {}: {}", batch.id(), ex.getMessage());
			this.timeline.action(batch.id(), "RECOVERY_FAILED", BatchTimeline.SYSTEM,
					"Could not resume: " + ex.getMessage());
		}
	}

	List<BookingBatchStatus> resumable() {
		return List.copyOf(RESUMABLE);
	}

}
