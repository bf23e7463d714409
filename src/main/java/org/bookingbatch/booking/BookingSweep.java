package org.bookingbatch.booking;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the sweep job: every minute ({@code booking.lifecycle.sweep.cron}) when some
 * timeout is due, and on demand from the actuator.
 */
@Component
class BookingSweep {

	private static final Logger log = LoggerFactory.getLogger(BookingSweep.class);

	private final JobOperator jobOperator;

	private final Job job;

	private final TimeoutConditions timeouts;

	private final JdbcClient jdbc;

	private final Clock clock;

	BookingSweep(JobOperator jobOperator, @Qualifier(BookingSweepJobConfiguration.JOB) Job job,
			TimeoutConditions timeouts, JdbcClient jdbc, Clock clock) {
		this.jobOperator = jobOperator;
		this.job = job;
		this.timeouts = timeouts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The scheduled sweep. It starts a job only when something is due, so that a quiet
	 * minute leaves no job instance behind.
	 */
	@Scheduled(cron = "${booking.lifecycle.sweep.cron:0 * * * * *}")
	void sweepOnSchedule() {
		if (due(this.clock.instant()) > 0) {
			SweepResult result = run("SCHEDULE");
			log.info("Sweep {} fired {} timeouts of {} due bookings", result.jobExecutionId(), result.fired(),
					result.read());
		}
	}

	/** Runs a sweep now and waits for it to end. */
	SweepResult run(String origin) {
		// Millisecond precision, as the job parameter holds it.
		Instant at = Instant.ofEpochMilli(this.clock.millis());
		JobExecution execution;
		try {
			execution = this.jobOperator.start(this.job,
					new JobParametersBuilder().addLong("sweepAt", at.toEpochMilli())
						.addString("origin", origin, false)
						.toJobParameters());
		}
		catch (Exception ex) {
			throw new IllegalStateException("The sweep for " + at + " could not start: " + ex.getMessage(), ex);
		}
		long read = 0;
		long fired = 0;
		for (StepExecution step : execution.getStepExecutions()) {
			read += step.getReadCount();
			fired += step.getExecutionContext().getLong(BookingSweepJobConfiguration.FIRED, 0L);
		}
		return new SweepResult(execution.getId(), execution.getStatus().name(), at, read, fired);
	}

	/** How many bookings have a due timeout at the moment. */
	long due(Instant at) {
		TimeoutConditions.Condition due = this.timeouts.due(at, "due");
		return this.jdbc.sql("SELECT COUNT(*) FROM booking b WHERE " + due.sql())
			.params(due.params())
			.query(Long.class)
			.single();
	}

	/**
	 * What a sweep did.
	 *
	 * @param sweepAt the moment whose due timeouts it fired
	 * @param read the bookings found due
	 * @param fired the timeouts fired (a booking changed meanwhile is left alone)
	 */
	record SweepResult(long jobExecutionId, String status, Instant sweepAt, long read, long fired) {
	}

}
