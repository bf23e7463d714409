package org.bookingbatch.generation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges over the counts of the unfinished batches, next to Spring Batch's own metrics:
 * {@code booking.batch.entries{status}} (entries by status),
 * {@code booking.batches{status}} (batches by status) and
 * {@code booking.batches.stalled}. A scrape reads them from one query, reused for a few
 * seconds.
 */
@Component
class BatchEntryMetrics implements MeterBinder {

	private static final long REUSE_NANOS = 5_000_000_000L;

	private static final List<EntryStatus> ENTRY_STATUSES = List.of(EntryStatus.PENDING, EntryStatus.VALID,
			EntryStatus.INVALID, EntryStatus.CONFIRMED, EntryStatus.CREATING, EntryStatus.CREATED, EntryStatus.FAILED);

	private final JdbcClient jdbc;

	private final BatchRepository batches;

	private final BatchService service;

	private volatile Snapshot snapshot;

	BatchEntryMetrics(JdbcClient jdbc, BatchRepository batches, BatchService service) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.service = service;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (EntryStatus status : ENTRY_STATUSES) {
			Gauge.builder("booking.batch.entries", this, (metrics) -> metrics.current().entries().get(status))
				.description("Entries of the unfinished booking-generation batches, by status")
				.tag("status", status.name())
				.strongReference(true)
				.register(registry);
		}
		for (BookingBatchStatus status : BookingBatchStatus.values()) {
			if (!status.isFinished()) {
				Gauge.builder("booking.batches", this, (metrics) -> metrics.current().batches().get(status))
					.description("Unfinished booking-generation batches, by status")
					.tag("status", status.name())
					.strongReference(true)
					.register(registry);
			}
		}
		Gauge.builder("booking.batches.stalled", this, (metrics) -> metrics.current().stalled())
			.description("Booking-generation batches that have stalled and wait for FORCE_COMPLETE")
			.strongReference(true)
			.register(registry);
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		if (current == null || System.nanoTime() - current.takenAt() > REUSE_NANOS) {
			current = take();
			this.snapshot = current;
		}
		return current;
	}

	private Snapshot take() {
		Map<EntryStatus, Double> entries = new EnumMap<>(EntryStatus.class);
		ENTRY_STATUSES.forEach((status) -> entries.put(status, 0.0));
		Map<BookingBatchStatus, Double> batchCounts = new EnumMap<>(BookingBatchStatus.class);
		List.of(BookingBatchStatus.values()).forEach((status) -> batchCounts.put(status, 0.0));
		// the batches' own counts plus the shards of the partitioned steps under way
		String sums = ENTRY_STATUSES.stream()
			.map((status) -> status.name().toLowerCase())
			.map((c) -> "COALESCE(SUM(b.%1$s + COALESCE(s.s_%1$s, 0)), 0) %1$s".formatted(c))
			.collect(java.util.stream.Collectors.joining(", "));
		this.jdbc.sql("SELECT b.status, COUNT(*) batches, " + sums + " FROM booking_batch b LEFT JOIN ("
				+ BatchRepository.SHARD_SUMS + " GROUP BY batch_id) s ON s.batch_id = b.id"
				+ " WHERE b.status NOT IN ('COMPLETED', 'PARTIALLY_COMPLETED', 'FAILED', 'CANCELLED') GROUP BY b.status")
			.query((rs) -> {
				batchCounts.put(BookingBatchStatus.valueOf(rs.getString("status")), rs.getDouble("batches"));
				for (EntryStatus status : ENTRY_STATUSES) {
					entries.merge(status, rs.getDouble(status.name().toLowerCase()), Double::sum);
				}
			});
		long stalled = this.batches
			.findByStatus(List.of(BookingBatchStatus.values()).stream().filter(BookingBatchStatus::isRunning).toList())
			.stream()
			.filter(this.service::stalled)
			.count();
		return new Snapshot(System.nanoTime(), entries, batchCounts, stalled);
	}

	private record Snapshot(long takenAt, Map<EntryStatus, Double> entries, Map<BookingBatchStatus, Double> batches,
			double stalled) {
	}

}
