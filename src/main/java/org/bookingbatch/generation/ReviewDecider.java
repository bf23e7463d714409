package org.bookingbatch.generation;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The review pause. After validation the job stops here; CONFIRM restarts the same job
 * instance, and the decider then sends it on to the final check, or straight to creation
 * when a resumed batch was already past it. After the final check, and after a creation
 * step that found the batch back in review, the batch's status decides again: a batch
 * that passed goes on to creation, one that was rejected or cancelled back to review
 * pauses here once more.
 */
@Component
class ReviewDecider implements JobExecutionDecider {

	static final String REVIEW = "REVIEW";

	static final String CONFIRM = "CONFIRM";

	static final String CREATE = "CREATE";

	private final BatchRepository batches;

	ReviewDecider(BatchRepository batches) {
		this.batches = batches;
	}

	@Override
	public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
		long batchId = jobExecution.getJobParameters().getLong("batchId");
		BookingBatchStatus status = this.batches.find(batchId).orElseThrow().status();
		return switch (status) {
			case CONFIRMING -> new FlowExecutionStatus(CONFIRM);
			case CONFIRMED, CREATING -> new FlowExecutionStatus(CREATE);
			default -> new FlowExecutionStatus(REVIEW);
		};
	}

}
