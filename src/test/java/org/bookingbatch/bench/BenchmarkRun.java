package org.bookingbatch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.JdbcTemplate;

import org.bookingbatch.generation.BatchService;
import org.bookingbatch.generation.BookingBatch;
import org.bookingbatch.generation.BookingBatchStatus;
import org.bookingbatch.generation.BatchOrigin;

/**
 * Runs one batch end to end through the real job, phase by phase, and measures each
 * phase: wall time (from the batch's own timeline), entries per second and peak heap.
 * Then measures the reference: bulk-loading the same number of booking rows into the same
 * server with LOAD DATA LOCAL INFILE.
 */
final class BenchmarkRun {

	private static final int TOP_STATEMENTS = 8;

	private static final int REFERENCE_RUNS = 3;

	private final BatchService batches;

	private final JdbcTemplate jdbc;

	private final Consumer<String> progress;

	private final int port;

	/**
	 * @param port the application's HTTP port, for the API's answers while a batch is
	 * created
	 */
	BenchmarkRun(BatchService batches, JdbcTemplate jdbc, int port, Consumer<String> progress) {
		this.batches = batches;
		this.jdbc = jdbc;
		this.port = port;
		this.progress = progress;
	}

	/**
	 * Builds, validates, confirms and creates one batch over the range; returns its
	 * measurements.
	 */
	Result run(String label, LocalDate from, LocalDate to) {
		resetPeakHeap();
		StatementProfile.reset();
		BookingBatch batch = this.batches.start(from, to, List.of(), label, false, BatchOrigin.ADMIN, "benchmark");
		BookingBatch validated = await(batch.id(), BookingBatchStatus.VALIDATED, "build + validate");
		long reviewHeap = peakHeapMb();
		StatementProfile.Snapshot reviewProfile = StatementProfile.snapshot(TOP_STATEMENTS);
		resetPeakHeap();
		StatementProfile.reset();
		// from the user's click: the confirm request's own work counts
		Instant confirmed = Instant.now();
		this.batches.confirm(batch.id(), "benchmark");
		BookingBatch completed;
		List<ApiProbe.Latency> api;
		try (ApiProbe probe = new ApiProbe(this.port, batch.id())) {
			completed = await(batch.id(), BookingBatchStatus.COMPLETED, "confirm + create");
			probe.close();
			api = probe.latencies();
		}
		long createHeap = peakHeapMb();
		StatementProfile.Snapshot createProfile = StatementProfile.snapshot(TOP_STATEMENTS);
		Map<String, Instant> at = statusTimes(batch.id());
		List<Phase> phases = new ArrayList<>();
		int entries = validated.counts().total();
		int created = completed.counts().created();
		phases.add(phase("build entries", at.get("PENDING"), at.get("VALIDATING"), entries, reviewHeap));
		phases.add(phase("validate", at.get("VALIDATING"), at.get("VALIDATED"), entries, reviewHeap));
		phases.add(phase("start to VALIDATED", at.get("PENDING"), at.get("VALIDATED"), entries, reviewHeap));
		phases.add(phase("final check", confirmed, at.get("CONFIRMED"), created, createHeap));
		phases.add(phase("create bookings", at.get("CONFIRMED"), at.get("COMPLETED"), created, createHeap));
		phases.add(phase("confirm to COMPLETED", confirmed, at.get("COMPLETED"), created, createHeap));
		Duration pipeline = Duration.between(at.get("PENDING"), at.get("VALIDATED"))
			.plus(Duration.between(confirmed, at.get("COMPLETED")));
		Duration reference = loadDataReference(entries);
		this.progress.accept(String.format("%s: reference LOAD DATA of %,d rows took %.1f s", label, entries,
				reference.toMillis() / 1000.0));
		return new Result(label, batch.id(), from, to, entries, created, validated.counts().invalid(), phases, pipeline,
				reference, reviewProfile, createProfile, api);
	}

	private BookingBatch await(long id, BookingBatchStatus status, String what) {
		long started = System.nanoTime();
		long[] lastPrint = { 0 };
		BookingBatch[] reached = new BookingBatch[1];
		Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(100)).until(() -> {
			BookingBatch batch = this.batches.get(id);
			if (batch.status().isFinished() && batch.status() != status) {
				throw new IllegalStateException(
						"batch " + id + " ended " + batch.status() + ": " + batch.failureReason());
			}
			long now = System.nanoTime();
			if (now - lastPrint[0] > 2_000_000_000L) {
				lastPrint[0] = now;
				var c = batch.counts();
				this.progress
					.accept(String.format("  %-17s %5.1f s  %-16s total %,d  valid %,d  invalid %,d  created %,d", what,
							(now - started) / 1e9, batch.status(), c.total(), c.valid(), c.invalid(), c.created()));
			}
			reached[0] = batch;
			return batch.status() == status;
		});
		return reached[0];
	}

	private Map<String, Instant> statusTimes(long batchId) {
		Map<String, Instant> at = new LinkedHashMap<>();
		this.jdbc.query(
				"SELECT to_status, at FROM batch_event WHERE batch_id = ? AND to_status IS NOT NULL ORDER BY id",
				(rs) -> {
					at.putIfAbsent(rs.getString(1), rs.getTimestamp(2).toInstant());
				}, batchId);
		return at;
	}

	/**
	 * Bulk-loads as many booking rows as the batch had entries into a scratch copy of the
	 * booking table, three times; returns the median time.
	 */
	private Duration loadDataReference(int rows) {
		Path file;
		try {
			file = Files.createTempFile("bench-bookings", ".csv");
			try (BufferedWriter out = Files.newBufferedWriter(file)) {
				LocalDate day = LocalDate.of(2030, 1, 1);
				Instant start = Instant.parse("2030-01-01T08:00:00Z");
				for (int i = 0; i < rows; i++) {
					Timestamp starts = Timestamp.from(start.plusSeconds(60L * (i % 600)));
					Timestamp ends = Timestamp.from(start.plusSeconds(60L * (i % 600) + 1800));
					out.write((i + 1) + "\t1\t1\t" + (i / 100 + 1) + "\t" + day.plusDays(i % 100) + "\t" + starts + "\t"
							+ ends + "\t1\tto_be_dispatched\t1\t2030-01-01 00:00:00\tbenchmark\n");
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		// The same load varies by half from one run to the next on a small machine: the
		// median of three is the reference.
		List<Duration> times = new ArrayList<>();
		for (int run = 0; run < REFERENCE_RUNS; run++) {
			times.add(loadData(file, rows));
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a temp file left behind is harmless
		}
		this.progress.accept("  LOAD DATA runs: "
				+ times.stream().map((time) -> String.format("%.1f s", time.toMillis() / 1000.0)).toList());
		return times.stream().sorted().toList().get(REFERENCE_RUNS / 2);
	}

	private Duration loadData(Path file, int rows) {
		this.jdbc.execute("DROP TABLE IF EXISTS bench_booking");
		this.jdbc.execute("CREATE TABLE bench_booking LIKE booking");
		long started = System.nanoTime();
		this.jdbc.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath() + "' INTO TABLE bench_booking"
				+ " (id, client_id, team_id, schedule_entry_id, occurrence_date, starts_at, ends_at, carers_required,"
				+ " status, batch_id, created_at, created_by)");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		Integer loaded = this.jdbc.queryForObject("SELECT COUNT(*) FROM bench_booking", Integer.class);
		if (loaded == null || loaded != rows) {
			throw new IllegalStateException("LOAD DATA loaded " + loaded + " of " + rows + " rows");
		}
		this.jdbc.execute("DROP TABLE bench_booking");
		return took;
	}

	private static Phase phase(String name, Instant from, Instant to, int items, long peakHeapMb) {
		Duration took = Duration.between(from, to);
		double seconds = Math.max(took.toMillis(), 1) / 1000.0;
		return new Phase(name, took, items, items / seconds, peakHeapMb);
	}

	static void resetPeakHeap() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/**
	 * The largest heap in use since the last reset: the sum of the heap pools' peaks (an
	 * upper bound).
	 */
	static long peakHeapMb() {
		long bytes = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				bytes += pool.getPeakUsage().getUsed();
			}
		}
		return bytes / (1024 * 1024);
	}

	record Phase(String name, Duration took, int items, double perSecond, long peakHeapMb) {
	}

	record Result(String label, long batchId, LocalDate from, LocalDate to, int entries, int created, int invalid,
			List<Phase> phases, Duration pipeline, Duration reference, StatementProfile.Snapshot reviewProfile,
			StatementProfile.Snapshot createProfile, List<ApiProbe.Latency> api) {

		double ratio() {
			return (double) this.pipeline.toMillis() / Math.max(1, this.reference.toMillis());
		}

	}

}
