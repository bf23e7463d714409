package org.bookingbatch.generation;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health, metrics and logs of booking generation.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsObservabilityIntegrationTests extends OperationsIntegrationTestSupport {

	private static final String STEP_LOGGER = "org.springframework.batch.core.step.AbstractStep";

	@Autowired
	BatchService service;

	@Test
	void healthIsOpenToEveryoneAndItsDetailsToAdminOnly() {
		// when
		TestHttp.Response anonymous = this.http.get(null, "/actuator/health");
		TestHttp.Response viewer = this.http.get("viewer", "/actuator/health");
		TestHttp.Response admin = this.http.get("admin", "/actuator/health");

		// then
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.json().has("components")).isFalse();
		assertThat(viewer.json().has("components")).isFalse();
		JsonNode component = admin.json().at("/components/bookingGeneration");
		assertThat(component.get("status").asString()).isEqualTo("UP");
		assertThat(component.at("/details/stalled").isArray()).isTrue();
		assertThat(component.at("/details/stalled").size()).isZero();
	}

	@Test
	void prometheusExposesSpringBatchMetricsAndEntryCountsByStatus() {
		// given: a batch that ran to review
		long id = startAndAwaitReview();

		// when
		TestHttp.Response anonymous = this.http.get(null, "/actuator/prometheus");

		// then
		assertThat(anonymous.status()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			TestHttp.Response scrape = this.http.get("admin", "/actuator/prometheus");
			assertThat(scrape.status()).isEqualTo(200);
			assertThat(scrape.body()).contains("spring_batch_job_seconds_count{", "spring_batch_step_seconds_count{",
					"spring_batch_chunk_write_seconds_count{", "spring_batch_job_name=\"bookingGenerationJob\"");
			// a timer per item read and processed costs more than it tells
			assertThat(scrape.body()).doesNotContain("spring_batch_item_read_seconds",
					"spring_batch_item_process_seconds");
			assertThat(scrape.body()).contains("booking_batch_entries{status=\"VALID\"} 5.0",
					"booking_batch_entries{status=\"INVALID\"} 5.0", "booking_batches{status=\"VALIDATED\"} 1.0",
					"booking_batches_stalled 0.0");
		});
		assertThat(id).isPositive();
	}

	@Test
	void logLinesOfABatchCarryItsIdAndItsJobExecutionId(CapturedOutput output) {
		// given: Spring Batch's INFO line at the start of each step, written on the job's
		// thread
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(STEP_LOGGER, LogLevel.INFO);
		try {
			// when
			long id = startAndAwaitReview();

			// then
			long execution = this.jdbc.sql("""
					SELECT MAX(p.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION_PARAMS p
					WHERE p.PARAMETER_NAME = 'batchId' AND p.PARAMETER_VALUE = ?
					""").param(String.valueOf(id)).query(Long.class).single();
			String ids = "[batch " + id + " job " + execution + "]";
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(output.getOut().lines().filter((line) -> line.contains(ids)))
					.anyMatch((line) -> line.contains("Executing step: [validateEntriesStep]"))
					.anyMatch((line) -> line.contains("Job execution " + execution + " of batch " + id + " ended")));
			assertThat(output.getOut().lines().filter((line) -> line.contains("Started OperationsObservability")))
				.noneMatch((line) -> line.contains("[batch"));
		}
		finally {
			logging.setLogLevel(STEP_LOGGER, null);
		}
	}

	private long startAndAwaitReview() {
		validAndInvalidVisits(this.today);
		long id = this.service
			.start(this.today.plusDays(14), this.today.plusDays(20), List.of(), null, false, BatchOrigin.ADMIN, "admin")
			.id();
		awaitStatus(id, "VALIDATED");
		return id;
	}

}
