package org.bookingbatch.generation;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a step that runs again on every confirmation (the final check, creation) into
 * partitions made afresh each time. Spring Batch's own splitter never runs a partition
 * again once it has completed, not even for a step that may start when complete, and
 * gives a partition that did not complete its old range: after a cancelled confirmation,
 * the next one would skip whole partitions. These steps read their work from the entries'
 * statuses, so a partition that has nothing left simply finds nothing.
 */
class RerunPartitionSplitter implements StepExecutionSplitter {

	private final JobRepository jobRepository;

	private final String stepName;

	private final Partitioner partitioner;

	RerunPartitionSplitter(JobRepository jobRepository, String stepName, Partitioner partitioner) {
		this.jobRepository = jobRepository;
		this.stepName = stepName;
		this.partitioner = partitioner;
	}

	@Override
	public String getStepName() {
		return this.stepName;
	}

	@Override
	public Set<StepExecution> split(StepExecution stepExecution, int gridSize) {
		JobExecution jobExecution = stepExecution.getJobExecution();
		Set<StepExecution> executions = new LinkedHashSet<>();
		for (Map.Entry<String, ExecutionContext> partition : this.partitioner.partition(gridSize).entrySet()) {
			StepExecution execution = this.jobRepository.createStepExecution(this.stepName + ":" + partition.getKey(),
					jobExecution);
			execution.setExecutionContext(partition.getValue());
			this.jobRepository.updateExecutionContext(execution);
			executions.add(execution);
		}
		return executions;
	}

}
