package org.bookingbatch.generation;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/bookinggeneration}: the active and stalled batches, and a write
 * operation that starts a batch (origin ACTUATOR). The actuator is open to ADMIN only.
 */
@Component
@Endpoint(id = "bookinggeneration")
class BookingGenerationEndpoint {

	private final BatchService service;

	private final BatchRepository batches;

	BookingGenerationEndpoint(BatchService service, BatchRepository batches) {
		this.service = service;
		this.batches = batches;
	}

	@ReadOperation
	Status status() {
		List<BatchViews.BatchResponse> active = this.batches
			.findByStatus(
					List.of(BookingBatchStatus.values()).stream().filter((status) -> !status.isFinished()).toList())
			.stream()
			.map((batch) -> BatchViews.BatchResponse.of(batch, this.service))
			.toList();
		return new Status(active, active.stream().filter(BatchViews.BatchResponse::stalled).toList());
	}

	@WriteOperation
	WebEndpointResponse<BatchViews.BatchResponse> start(@Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable List<Long> teamIds, SecurityContext security) {
		String user = (security.getPrincipal() != null) ? security.getPrincipal().getName() : "actuator";
		BookingBatch batch = this.service.start(from, to, teamIds, null, false, BatchOrigin.ACTUATOR, user);
		return new WebEndpointResponse<>(BatchViews.BatchResponse.of(batch, this.service), 202);
	}

	/** What the endpoint reports. */
	record Status(List<BatchViews.BatchResponse> active, List<BatchViews.BatchResponse> stalled) {
	}

}
