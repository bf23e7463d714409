package org.bookingbatch.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.bookingbatch.care.demo.DemoDataGenerator;
import org.bookingbatch.care.demo.DemoScale;
import org.bookingbatch.generation.BatchService;

/**
 * The benchmark of performance.md: {@code ./mvnw -Pbenchmark verify} (scale with
 * -Dbench.scale=small|medium|large, default large; the batches' lengths in days with
 * -Dbench.days, default 28,90). Generates the provider into a fresh embedded database,
 * warms the JVM up with a batch of a week (-Dbench.warmup-days, 0 for none), runs a
 * 28-day and then a 90-day batch end to end through the real job, measures the LOAD DATA
 * reference in the same run, prints progress, and writes CSV and Markdown under
 * bench/results/. It asserts nothing about time: it measures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"booking.embedded-database.data-dir=target/bench-db", "booking.embedded-database.fresh=true",
		"booking.generation.watchdog-interval=PT1H", "booking.demo-data.enabled=false",
		"booking.embedded-database.port=0", "booking.embedded-database.server-args=--innodb-buffer-pool-size=4G",
		"spring.datasource.hikari.data-source-properties.queryInterceptors=org.bookingbatch.bench.StatementProfile" })
class BookingGenerationBenchmark {

	@Autowired
	BatchService batches;

	@Autowired
	DemoDataGenerator generator;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ZoneId zone;

	@LocalServerPort
	int port;

	@Test
	void benchmark() throws Exception {
		String scale = System.getProperty("bench.scale", "large");
		LocalDate start = LocalDate.now(this.zone).plusDays(1);
		String machine = BenchmarkReport.machine();
		System.out.println("Booking Batch benchmark, " + scale + " provider, on " + machine);
		long began = System.nanoTime();
		this.generator.generate(DemoScale.named(scale), 42, start);
		Duration generation = Duration.ofNanos(System.nanoTime() - began);
		System.out.printf("Provider generated in %.1f s%n", generation.toMillis() / 1000.0);
		BenchmarkRun run = new BenchmarkRun(this.batches, this.jdbc, this.port, System.out::println);
		// the batches one after the other, each over the days after the previous one's
		LocalDate from = start;
		// The measured batches run as on a server that has been up for a while: in a JVM
		// that has compiled its code (through a first 28-day batch the JIT compilers took
		// half of the JVM's CPU time), against a roster that has bookings.
		int warmUpDays = Integer.getInteger("bench.warmup-days", 7);
		BenchmarkRun.Result warmUp = null;
		if (warmUpDays > 0) {
			warmUp = run.run("warm-up, " + warmUpDays + " days", from, from.plusDays(warmUpDays - 1));
			print(warmUp);
			from = from.plusDays(warmUpDays);
		}
		List<BenchmarkRun.Result> results = new ArrayList<>();
		for (String days : System.getProperty("bench.days", "28,90").split(",")) {
			int length = Integer.parseInt(days.strip());
			BenchmarkRun.Result result = run.run(length + " days", from, from.plusDays(length - 1));
			print(result);
			results.add(result);
			from = from.plusDays(length);
		}
		String markdown = BenchmarkReport.markdown(scale, machine, generation, warmUp, results);
		System.out.println();
		System.out.println(markdown);
		System.out.println(
				"Written to " + BenchmarkReport.write(scale, markdown, BenchmarkReport.csv(scale, machine, results))
					.toAbsolutePath());
	}

	private static void print(BenchmarkRun.Result result) {
		System.out.printf("%s: %,d entries, %,d created; pipeline %.1f s, reference %.1f s, ratio %.1fx%n",
				result.label(), result.entries(), result.created(), result.pipeline().toMillis() / 1000.0,
				result.reference().toMillis() / 1000.0, result.ratio());
		for (ApiProbe.Latency latency : result.api()) {
			System.out.printf("  API while creating: %-26s p99 %6.1f ms over %,d answers, %d failed%n",
					latency.request(), latency.p99Ms(), latency.answers(), latency.failures());
		}
		for (BenchmarkRun.Phase phase : result.phases()) {
			System.out.printf("  %-22s %7.1f s %,12.0f entries/s  peak heap %d MB%n", phase.name(),
					phase.took().toMillis() / 1000.0, phase.perSecond(), phase.peakHeapMb());
		}
	}

}
