package org.bookingbatch.generation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM (the context closes), asks the jobs running on this node to stop at their
 * next chunk boundary, before the batch executor waits for its threads: their executions
 * end STOPPED, not STARTED, and the next start of this node (or another node's watchdog)
 * resumes them after their last committed chunk. Each such batch gets a timeline note.
 */
@Component
class BatchShutdown implements ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(BatchShutdown.class);

	private final BatchJobLauncher launcher;

	private final BatchTimeline timeline;

	private final ApplicationContext context;

	BatchShutdown(BatchJobLauncher launcher, BatchTimeline timeline, ApplicationContext context) {
		this.launcher = launcher;
		this.timeline = timeline;
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		for (long batchId : this.launcher.stopForShutdown()) {
			try (MDC.MDCCloseable ignored = MDC.putCloseable("batchId", String.valueOf(batchId))) {
				log.info("Batch {}: stopping at the next chunk boundary for the shutdown", batchId);
				this.timeline.action(batchId, "STOPPED_FOR_SHUTDOWN", BatchTimeline.SYSTEM,
						"The application is shutting down: the batch stops after its current chunk and resumes"
								+ " from there on the next start");
			}
			catch (RuntimeException ex) {
				log.warn("Batch {}: could not note the shutdown on the timeline: {}", batchId, ex.getMessage());
			}
		}
	}

}
