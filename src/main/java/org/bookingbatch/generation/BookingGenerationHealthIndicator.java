package org.bookingbatch.generation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code bookingGeneration} component of {@code /actuator/health}: how many batches
 * are under way and which of them have stalled. A stalled batch needs a person (it offers
 * FORCE_COMPLETE), not a restart of the node, so the component stays UP and lists them;
 * alerting can use the {@code booking_batches_stalled} gauge.
 */
@Component
class BookingGenerationHealthIndicator implements HealthIndicator {

	private final BatchRepository batches;

	private final BatchService service;

	BookingGenerationHealthIndicator(BatchRepository batches, BatchService service) {
		this.batches = batches;
		this.service = service;
	}

	@Override
	public Health health() {
		List<BookingBatch> running = this.batches
			.findByStatus(List.of(BookingBatchStatus.values()).stream().filter(BookingBatchStatus::isRunning).toList());
		List<StalledBatch> stalled = running.stream()
			.filter(this.service::stalled)
			.map((batch) -> new StalledBatch(batch.id(), batch.name(), batch.status().name(), batch.ownerNode(),
					batch.heartbeatAt(), batch.resumeAttempts(), this.service.availableActions(batch)))
			.toList();
		return Health.up().withDetail("running", running.size()).withDetail("stalled", stalled).build();
	}

	/** A stalled batch as the health component lists it. */
	record StalledBatch(long id, String name, String status, @Nullable String ownerNode,
			@Nullable Instant lastHeartbeat, int resumeAttempts, List<BatchAction> availableActions) {
	}

}
