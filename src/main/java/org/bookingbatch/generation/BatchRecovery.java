package org.bookingbatch.generation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes batches whose node died. On start-up a node resumes the unfinished batches it
 * owned itself; the watchdog on every node takes over batches whose owner has not beaten
 * for stall-after, and resumes again a batch of its own whose resume made no progress.
 * Every resume counts as an attempt and is noted on the batch's timeline; an attempt that
 * leads to a committed chunk clears the count. After {@code max-resume-attempts} attempts
 * without progress the batch is left alone and shows as stalled, which offers
 * FORCE_COMPLETE.
 */
@Component
class BatchRecovery {

	private static final Logger log = LoggerFactory.getLogger(BatchRecovery.class);

	private static final EnumSet<BookingBatchStatus> RESUMABLE = EnumSet.of(BookingBatchStatus.PENDING,
			BookingBatchStatus.BUILDING_ENTRIES, BookingBatchStatus.VALIDATING, BookingBatchStatus.CONFIRMING,
			BookingBatchStatus.CONFIRMED, BookingBatchStatus.CREATING, BookingBatchStatus.REVALIDATING);

	static final String RECOVERED = "RECOVERED";

	static final String RECOVERY_FAILED = "RECOVERY_FAILED";

	static final String STALLED = "STALLED";

	private final BatchRepository batches;

	private final BatchTimeline timeline;

	private final BatchJobLauncher launcher;

	private final NodeRegistry nodes;

	private final GenerationProperties properties;

	private final Clock clock;

	/**
	 * The batches this node resumed, with when: a heartbeat after that instant shows that
	 * the resume made progress.
	 */
	private final Map<Long, Instant> resumes = new ConcurrentHashMap<>();

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
			if (this.nodes.self().equals(batch.ownerNode())) {
				resume(batch, "Resumed after the application restarted");
			}
		}
	}

	@Scheduled(fixedDelayString = "${booking.generation.watchdog-interval:PT15S}",
			initialDelayString = "${booking.generation.watchdog-interval:PT15S}")
	void watchdog() {
		if (this.launcher.isClosing()) {
			return;
		}
		this.nodes.beat();
		Instant limit = now().minus(this.properties.stallAfter());
		List<BookingBatch> unfinished = this.batches.findByStatus(RESUMABLE);
		Set<Long> ids = unfinished.stream().map(BookingBatch::id).collect(Collectors.toSet());
		this.resumes.keySet().retainAll(ids);
		for (BookingBatch batch : unfinished) {
			clearAttemptsAfterProgress(batch);
			Instant last = (batch.heartbeatAt() != null) ? batch.heartbeatAt() : batch.updatedAt();
			if (!last.isBefore(limit)) {
				continue;
			}
			boolean mine = this.nodes.self().equals(batch.ownerNode());
			boolean ownerGone = !this.nodes.isAlive(batch.ownerNode());
			boolean resumeMadeNoProgress = mine && !this.launcher.isRunningHere(batch.id());
			if (!ownerGone && !resumeMadeNoProgress) {
				continue;
			}
			if (batch.resumeAttempts() >= this.properties.maxResumeAttempts()) {
				noteStalledOnce(batch);
				continue;
			}
			String reason;
			if (resumeMadeNoProgress) {
				reason = "Resumed again: nothing has run for it on this node since " + last;
			}
			else if (batch.ownerNode() == null) {
				reason = "Started by the watchdog: the node that queued it never began";
			}
			else {
				reason = "Taken over from node " + batch.ownerNode() + ", which stopped responding";
			}
			resume(batch, reason);
		}
	}

	private void resume(BookingBatch batch, String reason) {
		Instant now = now();
		if (!this.batches.claimFrom(batch.id(), batch.version(), this.nodes.self(), now)) {
			return;
		}
		this.resumes.put(batch.id(), now);
		int attempt = batch.resumeAttempts() + 1;
		try (MDC.MDCCloseable ignored = MDC.putCloseable("batchId", String.valueOf(batch.id()))) {
			if (batch.status() == BookingBatchStatus.REVALIDATING) {
				this.launcher.recoverSmallJobs(batch.id());
				this.timeline.action(batch.id(), RECOVERED, BatchTimeline.SYSTEM, reason + "; revalidating again");
				this.launcher.revalidate(batch.id(), System.currentTimeMillis());
				return;
			}
			boolean resumed = this.launcher.recoverAndRestart(batch.id());
			if (resumed) {
				log.info("Batch {} ({}): {} (attempt {})", batch.id(), batch.status(), reason, attempt);
				this.timeline.action(batch.id(), RECOVERED, BatchTimeline.SYSTEM, reason + "; resuming "
						+ batch.status().label().toLowerCase() + " after the last committed chunk");
			}
			else {
				failed(batch, attempt, "its job has no execution left to restart");
			}
		}
		catch (RuntimeException ex) {
			failed(batch, attempt, ex.getMessage());
		}
	}

	private void failed(BookingBatch batch, int attempt, String why) {
		log.warn("Could not resume batch {} (attempt {} of {}): {}", batch.id(), attempt,
				this.properties.maxResumeAttempts(), why);
		this.timeline.action(batch.id(), RECOVERY_FAILED, BatchTimeline.SYSTEM,
				"Could not resume (attempt " + attempt + " of " + this.properties.maxResumeAttempts() + "): " + why);
	}

	/**
	 * A chunk committed after this node resumed the batch: the resume worked, so earlier
	 * failed attempts no longer count.
	 */
	private void clearAttemptsAfterProgress(BookingBatch batch) {
		Instant resumedAt = this.resumes.get(batch.id());
		if (resumedAt != null && batch.heartbeatAt() != null && batch.heartbeatAt().isAfter(resumedAt)
				&& this.nodes.self().equals(batch.ownerNode())) {
			this.batches.resetResumeAttempts(batch.id());
			this.resumes.remove(batch.id());
		}
	}

	private void noteStalledOnce(BookingBatch batch) {
		List<BatchTimeline.TimelineEvent> events = this.timeline.of(batch.id());
		for (int i = events.size() - 1; i >= 0; i--) {
			String type = events.get(i).type();
			if (STALLED.equals(type)) {
				return;
			}
			if (RECOVERED.equals(type) || RECOVERY_FAILED.equals(type)) {
				break;
			}
		}
		log.warn("Batch {} has stalled: {} resume attempts made no progress", batch.id(), batch.resumeAttempts());
		this.timeline.action(batch.id(), STALLED, BatchTimeline.SYSTEM,
				"Stalled: " + batch.resumeAttempts() + " attempts to resume it made no progress; it is left alone."
						+ ((batch.status() == BookingBatchStatus.CREATING)
								? " FORCE_COMPLETE ends it with what was created." : ""));
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	List<BookingBatchStatus> resumable() {
		return List.copyOf(RESUMABLE);
	}

}
