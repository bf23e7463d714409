package org.bookingbatch.bench;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.bookingbatch.care.demo.DemoDataGenerator;
import org.bookingbatch.care.demo.DemoScale;
import org.bookingbatch.generation.BatchInvariants;
import org.bookingbatch.generation.BatchService;
import org.bookingbatch.platform.DatabaseCleaner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at the small scale, as a correctness check in the normal test run: the
 * same generator and the same end-to-end runs, asserting the counts and the invariants,
 * never a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BenchmarkSmallScaleIntegrationTests {

	@Autowired
	BatchService batches;

	@Autowired
	DemoDataGenerator generator;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ZoneId zone;

	@LocalServerPort
	int port;

	@Test
	void smallProviderRunsThroughBothBatchesWithCountsThatAddUp() {
		// given
		DatabaseCleaner.clean(this.jdbcTemplate);
		LocalDate start = LocalDate.now(this.zone).plusDays(1);
		this.generator.generate(DemoScale.SMALL, 42, start);
		BenchmarkRun run = new BenchmarkRun(this.batches, this.jdbcTemplate, this.port, (line) -> {
		});
		// when
		BenchmarkRun.Result month = run.run("28 days", start, start.plusDays(27));
		BenchmarkRun.Result quarter = run.run("90 days", start.plusDays(28), start.plusDays(28 + 89));
		// then
		for (BenchmarkRun.Result result : new BenchmarkRun.Result[] { month, quarter }) {
			assertThat(result.entries()).isPositive();
			assertThat(result.invalid()).as("the deliberate problems show").isPositive();
			assertThat(result.created()).isEqualTo(result.entries() - result.invalid());
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking WHERE batch_id = ?")
				.param(result.batchId())
				.query(Integer.class)
				.single()).isEqualTo(result.created());
			assertThat(result.phases()).extracting(BenchmarkRun.Phase::name)
				.contains("start to VALIDATED", "confirm to COMPLETED");
			BatchInvariants.assertHold(this.jdbc, result.batchId());
			assertThat(result.api()).as("the API probed while creating").isNotEmpty().allSatisfy((latency) -> {
				assertThat(latency.answers()).as(latency.request()).isPositive();
				assertThat(latency.failures()).as(latency.request()).isZero();
			});
		}
		assertThat(quarter.entries()).as("about three times the month")
			.isBetween(month.entries() * 2, month.entries() * 4);
	}

}
