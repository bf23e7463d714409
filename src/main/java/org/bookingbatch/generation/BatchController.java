package org.bookingbatch.generation;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.bookingbatch.booking.IssueCode;
import org.bookingbatch.platform.FieldError;
import org.bookingbatch.platform.InvalidRequestException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.bookingbatch.platform.QueryParameters;

/**
 * The booking-generation batch API (api.md, Booking-generation batches).
 */
@RestController
@RequestMapping("/api/booking-batches")
class BatchController {

	private final BatchService service;

	private final BatchRepository batches;

	private final EntryRepository entries;

	private final BatchTimeline timeline;

	private final AutoResolver autoResolver;

	BatchController(BatchService service, BatchRepository batches, EntryRepository entries, BatchTimeline timeline,
			AutoResolver autoResolver) {
		this.service = service;
		this.batches = batches;
		this.entries = entries;
		this.timeline = timeline;
		this.autoResolver = autoResolver;
	}

	@GetMapping("/preview")
	BatchService.Preview preview(HttpServletRequest request, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable List<Long> teamIds) {
		QueryParameters.allowOnly(request, "from", "to", "teamIds");
		return this.service.preview(from, to, (teamIds != null) ? teamIds : List.of());
	}

	@PostMapping
	ResponseEntity<BatchViews.BatchResponse> start(@RequestBody BatchViews.StartRequest body, Principal user) {
		BookingBatch batch = this.service.start(body.from(), body.to(), body.teamIds(), body.name(),
				Boolean.TRUE.equals(body.provisional()), BatchOrigin.ADMIN, user.getName());
		return ResponseEntity.accepted().location(location(batch.id())).body(view(batch));
	}

	@GetMapping
	PageResponse<BatchViews.BatchResponse> list(HttpServletRequest request,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "false") boolean includeDone,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		QueryParameters.allowOnly(request, "status", "includeDone");
		List<BookingBatchStatus> statuses = parseEnums(BookingBatchStatus.class, "status", status);
		return this.batches.page(statuses, includeDone, PageParams.of(page, size)).map(this::view);
	}

	@GetMapping("/{id}")
	BatchViews.BatchResponse get(@PathVariable long id) {
		return view(this.service.get(id));
	}

	@GetMapping("/{id}/timeline")
	List<BatchTimeline.TimelineEvent> timeline(@PathVariable long id) {
		this.service.get(id);
		return this.timeline.of(id);
	}

	@GetMapping("/{id}/entries")
	PageResponse<BatchViews.EntryResponse> entries(HttpServletRequest request, @PathVariable long id,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable IssueCode issue,
			@RequestParam(required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Long carerId,
			@RequestParam(required = false) @Nullable Boolean stale,
			@RequestParam(required = false) @Nullable Boolean selected,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		QueryParameters.allowOnly(request, "status", "issue", "clientId", "carerId", "stale", "selected");
		List<EntryStatus> statuses = parseEnums(EntryStatus.class, "status", status);
		if (statuses.contains(EntryStatus.REMOVED)) {
			throw new InvalidRequestException("status", "removed entries are not listed");
		}
		PageParams paging = PageParams.of(page, size);
		BookingBatch batch = this.service.get(id);
		return this.entries
			.page(batch, new EntryRepository.EntryFilter(statuses, issue, clientId, carerId, stale, selected), paging)
			.map(BatchViews.EntryResponse::of);
	}

	@PatchMapping("/{id}/entries/{entryId}")
	BatchViews.EntryResponse updateEntry(@PathVariable long id, @PathVariable long entryId,
			@RequestBody BatchViews.EntryPatch body, Principal user) {
		if (body.carerIds() == null && body.selected() == null) {
			throw new InvalidRequestException("carerIds", "give carerIds, selected or both");
		}
		return BatchViews.EntryResponse
			.of(this.service.updateEntry(id, entryId, body.carerIds(), body.selected(), user.getName()));
	}

	@PostMapping("/{id}/entries/selection")
	BatchViews.Updated select(@PathVariable long id, @RequestBody BatchViews.SelectionRequest body, Principal user) {
		return new BatchViews.Updated(
				this.service.selectEntries(id, body.entryIds(), body.all(), body.selected(), user.getName()));
	}

	@PostMapping("/{id}/entries/removal")
	BatchViews.Removed remove(@PathVariable long id, @RequestBody BatchViews.RemovalRequest body, Principal user) {
		return new BatchViews.Removed(this.service.removeEntries(id, body.entryIds(), body.issue(), user.getName()));
	}

	@PostMapping("/{id}/entries/auto-resolve-clashes")
	BatchViews.AutoResolveResponse autoResolve(@PathVariable long id, Principal user) {
		return new BatchViews.AutoResolveResponse(this.autoResolver.resolve(id, user.getName()));
	}

	@PostMapping("/{id}/confirm")
	ResponseEntity<BatchViews.BatchResponse> confirm(@PathVariable long id, Principal user) {
		return accepted(this.service.confirm(id, user.getName()));
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<BatchViews.BatchResponse> cancel(@PathVariable long id, Principal user) {
		return accepted(this.service.cancel(id, user.getName()));
	}

	@PostMapping("/{id}/refresh")
	ResponseEntity<BatchViews.BatchResponse> refresh(@PathVariable long id, Principal user) {
		return accepted(this.service.refresh(id, user.getName()));
	}

	@PostMapping("/{id}/revalidate")
	ResponseEntity<BatchViews.BatchResponse> revalidate(@PathVariable long id, Principal user) {
		return accepted(this.service.revalidate(id, user.getName()));
	}

	@PostMapping("/{id}/force-complete")
	ResponseEntity<BatchViews.BatchResponse> forceComplete(@PathVariable long id, Principal user) {
		return accepted(this.service.forceComplete(id, user.getName()));
	}

	@PostMapping("/{id}/done")
	ResponseEntity<BatchViews.BatchResponse> done(@PathVariable long id, Principal user) {
		return accepted(this.service.done(id, user.getName()));
	}

	@PostMapping("/{id}/retry")
	ResponseEntity<BatchViews.BatchResponse> retry(@PathVariable long id, Principal user) {
		BookingBatch retry = this.service.retry(id, user.getName());
		return ResponseEntity.accepted().location(location(retry.id())).body(view(retry));
	}

	private ResponseEntity<BatchViews.BatchResponse> accepted(BookingBatch batch) {
		return ResponseEntity.accepted().body(view(batch));
	}

	private BatchViews.BatchResponse view(BookingBatch batch) {
		return BatchViews.BatchResponse.of(batch, this.service);
	}

	private static URI location(long id) {
		return URI.create("/api/booking-batches/" + id);
	}

	static <E extends Enum<E>> List<E> parseEnums(Class<E> type, String field, @Nullable String values) {
		List<E> parsed = new ArrayList<>();
		if (values == null || values.isBlank()) {
			return parsed;
		}
		List<FieldError> errors = new ArrayList<>();
		for (String value : values.split(",")) {
			try {
				parsed.add(Enum.valueOf(type, value.strip()));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError(field, "'" + value.strip() + "' is not one of "
						+ String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
			}
		}
		InvalidRequestException.throwIfAny(errors);
		return parsed;
	}

}
