package org.bookingbatch.generation;

import java.time.Duration;
import java.util.List;

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
 * @param partitions how many partitions (threads) each step of a batch's job (build,
 * validate, the final check, creation) runs in; 1 runs it on the job's thread alone.
 * Three keep two cores busy: while one partition waits for the database, the others work
 * @param nodeId this node's name in the heartbeat table; a restarted node with the same
 * name resumes its own batches at once, others take them over after {@code stallAfter}
 * @param watchdogInterval how often the watchdog looks for batches of dead nodes
 * @param maxResumeAttempts after this many resumes without progress a batch shows as
 * stalled (FORCE_COMPLETE) and the watchdog leaves it alone
 * @param schedule the scheduled overnight generation
 */
@ConfigurationProperties("booking.generation")
record GenerationProperties(@DefaultValue("92") int maxRangeDays, @DefaultValue("PT2M") Duration stallAfter,
		@DefaultValue("1000") int chunkSize, @DefaultValue("100") int buildChunkSize, @DefaultValue("3") int partitions,
		String nodeId, @DefaultValue("PT15S") Duration watchdogInterval, @DefaultValue("3") int maxResumeAttempts,
		@DefaultValue Schedule schedule) {

	/**
	 * The scheduled overnight generation ({@code booking.generation.schedule.*}).
	 *
	 * @param enabled whether the schedule runs at all
	 * @param cron when it runs, a Spring cron expression in the provider's time zone
	 * @param windowStartDays the window starts this many days after the run's date
	 * @param windowDays the window's length in days
	 * @param teamIds the teams to generate for; empty means all teams
	 * @param mode what happens once the batch is validated
	 * @param retry automatic retries of a scheduled batch that ends FAILED
	 * @param followUpInterval how often each node looks for scheduled batches to
	 * auto-confirm or retry
	 * @param lockAtMostFor how long the launch lock is held at most, should the node that
	 * holds it die
	 * @param lockAtLeastFor how long the launch lock is held at least, so that a node
	 * whose clock is a little behind does not start the run again
	 */
	record Schedule(@DefaultValue("false") boolean enabled, @DefaultValue("0 0 2 * * *") String cron,
			@DefaultValue("14") int windowStartDays, @DefaultValue("7") int windowDays,
			@DefaultValue List<Long> teamIds, @DefaultValue("review") ScheduleMode mode, @DefaultValue Retry retry,
			@DefaultValue("PT30S") Duration followUpInterval, @DefaultValue("PT10M") Duration lockAtMostFor,
			@DefaultValue("PT30S") Duration lockAtLeastFor) {

		Schedule {
			teamIds = (teamIds != null) ? List.copyOf(teamIds) : List.of();
		}

	}

	/**
	 * Automatic retries of a scheduled batch that ends FAILED: the n-th retry starts
	 * {@code backoff * multiplier^(n-1)} after the failure.
	 *
	 * @param maxAttempts how many retries at most (0: none)
	 * @param backoff the wait before the first retry
	 * @param multiplier how much longer each further wait is
	 */
	record Retry(@DefaultValue("2") int maxAttempts, @DefaultValue("PT10M") Duration backoff,
			@DefaultValue("2") double multiplier) {

		/** The wait before the given retry (1 for the first). */
		Duration backoffBefore(int retry) {
			double factor = Math.pow(Math.max(1.0, this.multiplier), Math.max(0, retry - 1));
			return Duration.ofMillis((long) Math.min(Long.MAX_VALUE / 2.0, this.backoff.toMillis() * factor));
		}

	}

	/** What a scheduled run does once its batch is validated. */
	enum ScheduleMode {

		/** The batch waits at VALIDATED for a coordinator. */
		REVIEW,

		/**
		 * The batch's valid entries are confirmed and created; invalid ones stay for
		 * review.
		 */
		AUTO_CONFIRM_VALID

	}

}
