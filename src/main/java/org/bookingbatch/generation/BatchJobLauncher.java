package org.bookingbatch.generation;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts, stops and recovers the batch jobs through the {@link JobOperator}, on
 * a background executor so that the HTTP request that asked for it returns at once.
 */
@Component
class BatchJobLauncher {

	private static final Logger log = LoggerFactory.getLogger(BatchJobLauncher.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job generationJob;

	private final Job revalidationJob;

	private final Job refreshJob;

	private final TaskExecutor executor;

	BatchJobLauncher(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier("bookingGenerationJob") Job generationJob,
			@Qualifier("batchRevalidationJob") Job revalidationJob, @Qualifier("batchRefreshJob") Job refreshJob,
			@Qualifier("batchJobExecutor") TaskExecutor executor) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.generationJob = generationJob;
		this.revalidationJob = revalidationJob;
		this.refreshJob = refreshJob;
		this.executor = executor;
	}

	/** Starts the batch's job instance. */
	void start(long batchId) {
		this.executor
			.execute(() -> run(batchId, () -> this.jobOperator.start(this.generationJob, parameters(batchId))));
	}

	/**
	 * Restarts the batch's job instance where it stopped (after the review pause, or
	 * after a recovery).
	 */
	void restart(long batchId) {
		this.executor.execute(() -> run(batchId, () -> {
			JobExecution last = lastExecution(batchId).orElseThrow();
			return this.jobOperator.restart(last);
		}));
	}

	/** Re-checks the batch's stale (and pending) entries in a small job of its own. */
	void revalidate(long batchId, long requestId) {
		this.executor.execute(() -> run(batchId,
				() -> this.jobOperator.start(this.revalidationJob,
						new JobParametersBuilder().addLong("batchId", batchId)
							.addLong("request", requestId)
							.toJobParameters())));
	}

	/**
	 * Rebuilds the batch's entries against today's schedules, then validates what
	 * changed.
	 */
	void refresh(long batchId, long requestId) {
		this.executor.execute(() -> run(batchId,
				() -> this.jobOperator.start(this.refreshJob,
						new JobParametersBuilder().addLong("batchId", batchId)
							.addLong("request", requestId)
							.toJobParameters())));
	}

	/** Asks the batch's running executions to stop at the next chunk boundary. */
	void stop(long batchId) {
		for (String jobName : new String[] { BookingGenerationJobConfiguration.JOB,
				BookingGenerationJobConfiguration.REVALIDATION_JOB, BookingGenerationJobConfiguration.REFRESH_JOB }) {
			for (JobExecution execution : this.jobRepository.findRunningJobExecutions(jobName)) {
				if (execution.getJobParameters().getLong("batchId") == batchId) {
					try {
						this.jobOperator.stop(execution);
					}
					catch (Exception ex) {
						log.info("Execution {} of batch {} was not running: {}", execution.getId(), batchId,
								ex.getMessage());
					}
				}
			}
		}
	}

	/**
	 * Marks the batch's abandoned executions (left STARTED by a dead node) as failed so
	 * that they can be restarted, then restarts the generation job. Returns false when
	 * there was nothing to resume.
	 */
	boolean recoverAndRestart(long batchId) {
		Optional<JobExecution> last = lastExecution(batchId);
		if (last.isEmpty()) {
			start(batchId);
			return true;
		}
		JobExecution execution = last.get();
		if (execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.STOPPING) {
			execution = this.jobOperator.recover(execution);
		}
		if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
			return false;
		}
		restart(batchId);
		return true;
	}

	/**
	 * Recovers abandoned revalidation or refresh executions of the batch; they are not
	 * resumed.
	 */
	void recoverSmallJobs(long batchId) {
		for (String jobName : new String[] { BookingGenerationJobConfiguration.REVALIDATION_JOB,
				BookingGenerationJobConfiguration.REFRESH_JOB }) {
			for (JobExecution execution : this.jobRepository.findRunningJobExecutions(jobName)) {
				if (execution.getJobParameters().getLong("batchId") == batchId) {
					this.jobOperator.recover(execution);
				}
			}
		}
	}

	Optional<JobExecution> lastExecution(long batchId) {
		JobInstance instance = this.jobRepository.getJobInstance(BookingGenerationJobConfiguration.JOB,
				parameters(batchId));
		return Optional.ofNullable((instance != null) ? this.jobRepository.getLastJobExecution(instance) : null);
	}

	/** Marks the batch's job execution as abandoned, so that nothing restarts it. */
	void abandon(long batchId) {
		lastExecution(batchId).ifPresent((execution) -> {
			if (!execution.getStatus().isRunning() && execution.getStatus() != BatchStatus.COMPLETED
					&& execution.getStatus() != BatchStatus.ABANDONED) {
				try {
					this.jobOperator.abandon(execution);
				}
				catch (Exception ex) {
					log.info("Execution {} of batch {} could not be abandoned: {}", execution.getId(), batchId,
							ex.getMessage());
				}
			}
		});
	}

	static JobParameters parameters(long batchId) {
		return new JobParametersBuilder().addLong("batchId", batchId).toJobParameters();
	}

	private void run(long batchId, JobCall call) {
		try {
			JobExecution execution = call.run();
			log.info("Job execution {} of batch {} ended {}", execution.getId(), batchId, execution.getStatus());
		}
		catch (Exception ex) {
			log.error("Could not run the job of batch " + batchId, ex);
		}
	}

	@FunctionalInterface
	private interface JobCall {

		JobExecution run() throws Exception;

	}

}
