package org.bookingbatch.generation;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.stereotype.Component;

/**
 * Writes a chunk again when the database made its transaction a deadlock's victim. The
 * partitions of a step write at the same time as each other and as the users, so two
 * transactions may come to wait for each other's locks; InnoDB then rolls one of them
 * back whole, with its locks and its counts, and the chunk can be written anew in the
 * same transaction (it starts again with the batch's lock). A lock-wait timeout is not
 * retried: it undoes only the statement that waited, and writing the chunk again would
 * count what the statements before it wrote twice.
 * <p>
 * A chunk written again is noted on its batch's timeline; a chunk that is still a victim
 * after {@link #ATTEMPTS} attempts fails its step, as any other error does.
 */
@Component
class DeadlockRetry {

	static final String CHUNK_RETRIED = "CHUNK_RETRIED";

	static final int ATTEMPTS = 3;

	/** MySQL's and MariaDB's ER_LOCK_DEADLOCK. */
	private static final int DEADLOCK = 1213;

	private static final Logger log = LoggerFactory.getLogger(DeadlockRetry.class);

	private final BatchTimeline timeline;

	DeadlockRetry(BatchTimeline timeline) {
		this.timeline = timeline;
	}

	/** The writer, writing a chunk again after its transaction lost a deadlock. */
	<T> ItemWriter<T> around(ItemWriter<T> writer) {
		return (chunk) -> write(writer, chunk);
	}

	private <T> void write(ItemWriter<T> writer, Chunk<? extends T> chunk) throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				writer.write(chunk);
				if (attempt > 1) {
					noted(chunk.size(), attempt);
				}
				return;
			}
			catch (Exception ex) {
				if (attempt == ATTEMPTS || !isDeadlock(ex)) {
					throw ex;
				}
				log.warn("A chunk of {} items lost a deadlock and is written again (attempt {} of {}): {}",
						chunk.size(), attempt + 1, ATTEMPTS, ex.getMessage());
			}
		}
	}

	private void noted(int items, int attempt) {
		StepContext step = StepSynchronizationManager.getContext();
		Long batchId = (step != null) ? step.getStepExecution().getJobParameters().getLong("batchId") : null;
		if (batchId != null) {
			this.timeline.action(batchId, CHUNK_RETRIED, BatchTimeline.SYSTEM,
					"A chunk of " + items + " items of " + step.getStepName() + " met a deadlock with another "
							+ "transaction and was written again (attempt " + attempt + " of " + ATTEMPTS + ")");
		}
	}

	static boolean isDeadlock(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == DEADLOCK) {
				return true;
			}
		}
		return false;
	}

}
