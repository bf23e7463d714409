package org.bookingbatch.generation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

import org.bookingbatch.platform.FieldError;
import org.bookingbatch.platform.InvalidRequestException;

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

	/**
	 * Starts a batch. The actuator reads a write operation's JSON body as string values
	 * only, so {@code teamIds} comes as a comma-separated string ({@code "1,2"}) or a
	 * single number; a JSON array cannot be read.
	 */
	@WriteOperation
	WebEndpointResponse<BatchViews.BatchResponse> start(@Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String teamIds, SecurityContext security) {
		String user = (security.getPrincipal() != null) ? security.getPrincipal().getName() : "actuator";
		BookingBatch batch = this.service.start(from, to, parseTeamIds(teamIds), null, false, BatchOrigin.ACTUATOR,
				user);
		return new WebEndpointResponse<>(BatchViews.BatchResponse.of(batch, this.service), 202);
	}

	private static List<Long> parseTeamIds(@Nullable String teamIds) {
		List<Long> ids = new ArrayList<>();
		if (teamIds == null || teamIds.isBlank()) {
			return ids;
		}
		List<FieldError> errors = new ArrayList<>();
		for (String id : teamIds.split(",")) {
			try {
				ids.add(Long.valueOf(id.strip()));
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldError("teamIds", "'" + id.strip() + "' is not a team id"));
			}
		}
		InvalidRequestException.throwIfAny(errors);
		return ids;
	}

	/** What the endpoint reports. */
	record Status(List<BatchViews.BatchResponse> active, List<BatchViews.BatchResponse> stalled) {
	}

}
