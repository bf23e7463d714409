package org.bookingbatch.generation;

import java.time.Instant;
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
 * {@code /actuator/bookinggeneration}: the active and stalled batches, the last and the
 * next scheduled run, and a write operation that starts a batch (origin ACTUATOR). The
 * actuator is open to ADMIN only.
 */
@Component
@Endpoint(id = "bookinggeneration")
class BookingGenerationEndpoint {

	private final BatchService service;

	private final BatchRepository batches;

	private final ScheduledGeneration schedule;

	private final ScheduledRuns runs;

	BookingGenerationEndpoint(BatchService service, BatchRepository batches, ScheduledGeneration schedule,
			ScheduledRuns runs) {
		this.service = service;
		this.batches = batches;
		this.schedule = schedule;
		this.runs = runs;
	}

	@ReadOperation
	Status status() {
		List<BatchViews.BatchResponse> active = this.batches
			.findByStatus(
					List.of(BookingBatchStatus.values()).stream().filter((status) -> !status.isFinished()).toList())
			.stream()
			.map((batch) -> BatchViews.BatchResponse.of(batch, this.service))
			.toList();
		GenerationProperties.Schedule settings = this.schedule.settings();
		Schedule schedule = new Schedule(settings.enabled(), settings.cron(),
				settings.mode().name().toLowerCase().replace('_', '-'), settings.windowStartDays(),
				settings.windowDays(), settings.teamIds(), this.runs.last().map(LastRun::of).orElse(null),
				this.schedule.nextRun().orElse(null));
		return new Status(active, active.stream().filter(BatchViews.BatchResponse::stalled).toList(), schedule);
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
	record Status(List<BatchViews.BatchResponse> active, List<BatchViews.BatchResponse> stalled, Schedule schedule) {
	}

	/**
	 * The scheduled generation: its settings, its last run and when it runs next (none
	 * while disabled).
	 */
	record Schedule(boolean enabled, String cron, String mode, int windowStartDays, int windowDays, List<Long> teamIds,
			@Nullable LastRun lastRun, @Nullable Instant nextRun) {
	}

	/** The latest scheduled run. */
	record LastRun(LocalDate date, Instant firedAt, String node, String state, LocalDate from, LocalDate to,
			@Nullable Long firstBatchId, @Nullable Long batchId, int retries, @Nullable Instant nextRetryAt,
			@Nullable String message) {

		static LastRun of(ScheduledRuns.ScheduledRun run) {
			return new LastRun(run.runDate(), run.firedAt(), run.nodeId(), run.state().name(), run.from(), run.to(),
					run.firstBatchId(), run.batchId(), run.retries(), run.nextRetryAt(), run.message());
		}

	}

}
