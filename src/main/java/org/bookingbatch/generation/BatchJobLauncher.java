package org.bookingbatch.generation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts, stops and recovers the batch jobs through the {@link JobOperator}
 * (stops through the {@link JobRepository}, see requestStop), on a background executor so
 * that the HTTP request that asked for it returns at once. It knows which batches run on
 * this node, so that the watchdog can tell a batch this node runs from one whose resume
 * failed, and so that a shutdown stops exactly this node's jobs.
 */
@Component
class BatchJobLauncher {

	private static final Logger log = LoggerFactory.getLogger(BatchJobLauncher.class);

	private static final List<String> JOBS = List.of(BookingGenerationJobConfiguration.JOB,
			BookingGenerationJobConfiguration.REVALIDATION_JOB, BookingGenerationJobConfiguration.REFRESH_JOB);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job generationJob;

	private final Job revalidationJob;

	private final Job refreshJob;

	private final TaskExecutor executor;

	/**
	 * The batches whose jobs were handed to the executor on this node and have not ended,
	 * with how many such jobs each has.
	 */
	private final Map<Long, Integer> running = new ConcurrentHashMap<>();

	private volatile boolean closing;

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
		submit(batchId, () -> this.jobOperator.start(this.generationJob, parameters(batchId)));
	}

	/**
	 * Restarts the batch's job instance where it stopped (after the review pause, or
	 * after a recovery).
	 */
	void restart(long batchId) {
		submit(batchId, () -> {
			JobExecution last = lastExecution(batchId).orElseThrow();
			return this.jobOperator.restart(last);
		});
	}

	/** Re-checks the batch's stale (and pending) entries in a small job of its own. */
	void revalidate(long batchId, long requestId) {
		submit(batchId,
				() -> this.jobOperator.start(this.revalidationJob,
						new JobParametersBuilder().addLong("batchId", batchId)
							.addLong("request", requestId)
							.toJobParameters()));
	}

	/**
	 * Rebuilds the batch's entries against today's schedules, then validates what
	 * changed.
	 */
	void refresh(long batchId, long requestId) {
		submit(batchId,
				() -> this.jobOperator.start(this.refreshJob,
						new JobParametersBuilder().addLong("batchId", batchId)
							.addLong("request", requestId)
							.toJobParameters()));
	}

	/** Asks the batch's running executions to stop at the next chunk boundary. */
	void stop(long batchId) {
		runningExecutions(batchId).forEach(this::requestStop);
	}

	/** The batch's executions, of any of its jobs, that the repository shows running. */
	private List<JobExecution> runningExecutions(long batchId) {
		List<JobExecution> running = new ArrayList<>();
		for (String jobName : JOBS) {
			for (JobExecution execution : this.jobRepository.findRunningJobExecutions(jobName)) {
				Long executionBatchId = execution.getJobParameters().getLong("batchId");
				if (executionBatchId != null && executionBatchId == batchId) {
					running.add(execution);
				}
			}
		}
		return running;
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
		for (String jobName : List.of(BookingGenerationJobConfiguration.REVALIDATION_JOB,
				BookingGenerationJobConfiguration.REFRESH_JOB)) {
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

	/** Whether a job of the batch runs (or is queued to run) on this node. */
	boolean isRunningHere(long batchId) {
		return this.running.containsKey(batchId);
	}

	/**
	 * Whether the application is shutting down: no job starts any more, and a job that
	 * ends STOPPED was stopped for the shutdown.
	 */
	boolean isClosing() {
		return this.closing;
	}

	/**
	 * Stops starting jobs and asks the jobs running on this node to stop at their next
	 * chunk boundary, so that they end STOPPED and restartable. Returns the batches whose
	 * executions were asked to stop.
	 */
	List<Long> stopForShutdown() {
		this.closing = true;
		List<Long> stopped = new ArrayList<>();
		if (this.running.isEmpty()) {
			return stopped;
		}
		for (String jobName : JOBS) {
			for (JobExecution execution : this.jobRepository.findRunningJobExecutions(jobName)) {
				Long batchId = execution.getJobParameters().getLong("batchId");
				if (batchId != null && this.running.containsKey(batchId) && requestStop(execution)) {
					stopped.add(batchId);
				}
			}
		}
		return stopped;
	}

	/**
	 * Marks the execution STOPPING; its running step sees that when it saves its next
	 * chunk and ends STOPPED, restartable after that chunk. This is the stop of
	 * {@link JobOperator#stop(JobExecution)} without its update of the running step
	 * execution, which races with the step's own chunk transaction (under MySQL's
	 * repeatable read the step then fails with an optimistic locking error instead of
	 * stopping).
	 */
	private boolean requestStop(JobExecution running) {
		JobExecution execution = running;
		for (int attempt = 1;; attempt++) {
			if (!execution.getStatus().isRunning()) {
				log.info("Job execution {} had already ended {}", execution.getId(), execution.getStatus());
				return false;
			}
			try {
				execution.setStatus(BatchStatus.STOPPING);
				execution.setExitStatus(ExitStatus.STOPPED);
				this.jobRepository.update(execution);
				log.info("Job execution {} asked to stop at the next chunk boundary", execution.getId());
				return true;
			}
			catch (OptimisticLockingFailureException ex) {
				// The job saved its execution meanwhile (a step started or ended).
				JobExecution latest = this.jobRepository.getJobExecution(execution.getId());
				if (attempt == 3 || latest == null) {
					log.warn("Job execution {} could not be asked to stop: {}", execution.getId(), ex.getMessage());
					return false;
				}
				execution = latest;
			}
		}
	}

	private void submit(long batchId, JobCall call) {
		if (this.closing) {
			log.info("Batch {} not started: the application is shutting down; it resumes on the next start", batchId);
			return;
		}
		this.running.merge(batchId, 1, Integer::sum);
		try {
			this.executor.execute(() -> run(batchId, call));
		}
		catch (RuntimeException ex) {
			ended(batchId);
			throw ex;
		}
	}

	private void run(long batchId, JobCall call) {
		MDC.put("batchId", String.valueOf(batchId));
		try {
			if (this.closing) {
				log.info("Batch {} not started: the application is shutting down; it resumes on the next start",
						batchId);
				return;
			}
			JobExecution execution = call.run();
			// The job's listener clears both ids when the job ends.
			MDC.put("batchId", String.valueOf(batchId));
			MDC.put("jobExecutionId", String.valueOf(execution.getId()));
			log.info("Job execution {} of batch {} ended {}", execution.getId(), batchId, execution.getStatus());
		}
		catch (Exception ex) {
			log.error("Could not run the job of batch " + batchId, ex);
			if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof OptimisticLockingFailureException) {
				endStopsAfterTheEnd(batchId);
			}
		}
		finally {
			ended(batchId);
			MDC.remove("batchId");
			MDC.remove("jobExecutionId");
		}
	}

	/**
	 * A stop request (a cancel) that commits while the job saves its end, after the save
	 * has read the execution's version and before it writes, makes that save fail on the
	 * version: the execution would stay STOPPING with no thread behind it, and the batch
	 * could never be restarted. Once this thread, the batch's only job here, is back,
	 * such an execution is ended STOPPED, as the request asked.
	 */
	private void endStopsAfterTheEnd(long batchId) {
		if (this.running.getOrDefault(batchId, 0) != 1) {
			return;
		}
		for (JobExecution execution : runningExecutions(batchId)) {
			if (execution.getStatus() == BatchStatus.STOPPING) {
				execution.setStatus(BatchStatus.STOPPED);
				execution.setExitStatus(ExitStatus.STOPPED);
				execution.setEndTime(LocalDateTime.now());
				this.jobRepository.update(execution);
				log.info("Job execution {} of batch {} was asked to stop as it ended; it is ended STOPPED",
						execution.getId(), batchId);
			}
		}
	}

	private void ended(long batchId) {
		this.running.computeIfPresent(batchId, (id, count) -> (count > 1) ? count - 1 : null);
	}

	@FunctionalInterface
	private interface JobCall {

		JobExecution run() throws Exception;

	}

}
