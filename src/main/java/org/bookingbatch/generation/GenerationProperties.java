package org.bookingbatch.generation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of booking generation ({@code booking.generation.*}).
 *
 * @param maxRangeDays the longest date range a batch may cover
 * @param stallAfter how long a running batch may go without a committed chunk before it
 * counts as stalled
 * @param chunkSize entries per chunk in the validate, confirm and create steps
 * @param buildChunkSize schedule entries per chunk in the build step
 * @param nodeId this node's name in the heartbeat table; a restarted node with the same
 * name resumes its own batches at once, others take them over after {@code stallAfter}
 * @param watchdogInterval how often the watchdog looks for batches of dead nodes
 * @param maxResumeAttempts after this many resumes the watchdog no longer takes a batch
 * over, so once it stops again it stays stalled (for FORCE_COMPLETE)
 */
@ConfigurationProperties("booking.generation")
record GenerationProperties(@DefaultValue("92") int maxRangeDays, @DefaultValue("PT2M") Duration stallAfter,
		@DefaultValue("1000") int chunkSize, @DefaultValue("100") int buildChunkSize, String nodeId,
		@DefaultValue("PT15S") Duration watchdogInterval, @DefaultValue("3") int maxResumeAttempts) {

}
