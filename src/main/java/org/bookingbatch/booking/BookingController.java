package org.bookingbatch.booking;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.bookingbatch.platform.InvalidRequestException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.bookingbatch.platform.QueryParameters;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The bookings API: list and read bookings, create one-off bookings, change their carers,
 * fire the status model's transitions (cancel among them) and read their status history.
 */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

	private final BookingService bookings;

	BookingController(BookingService bookings) {
		this.bookings = bookings;
	}

	@GetMapping
	PageResponse<Booking> list(HttpServletRequest request,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Long carerId,
			@RequestParam(required = false) @Nullable Long teamId,
			@RequestParam(required = false) @Nullable Long batchId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		QueryParameters.allowOnly(request, "from", "to", "clientId", "carerId", "teamId", "batchId");
		PageParams paging = PageParams.of(page, size);
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidRequestException("to", "must not be before from");
		}
		return this.bookings.find(new BookingFilter(from, to, clientId, carerId, teamId, batchId), paging);
	}

	@GetMapping("/{id}")
	Booking get(@PathVariable long id) {
		return this.bookings.get(id);
	}

	@PostMapping
	ResponseEntity<OneOffBookingResponse> create(@RequestBody OneOffBookingRequest request,
			@Nullable Principal principal) {
		OneOffBookingResponse created = this.bookings.create(request, (principal != null) ? principal.getName() : null);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.created(location).body(created);
	}

	@PostMapping("/{id}/cancel")
	Booking cancel(@PathVariable long id, @RequestBody CancelBookingRequest request, Authentication user) {
		return this.bookings.cancel(id, request, caller(user));
	}

	@PostMapping("/{id}/transitions/{name}")
	Booking fire(@PathVariable long id, @PathVariable String name,
			@RequestBody(required = false) @Nullable Map<String, Object> body, Authentication user) {
		return this.bookings.fire(id, name, (body != null) ? body : Map.of(), caller(user));
	}

	@GetMapping("/{id}/history")
	List<BookingHistory.HistoryEntry> history(@PathVariable long id) {
		return this.bookings.history(id);
	}

	@PutMapping("/{id}/carers")
	OneOffBookingResponse changeCarers(@PathVariable long id, @RequestBody CarersRequest request, Authentication user) {
		return this.bookings.changeCarers(id, request, user.getName());
	}

	private static BookingLifecycle.Caller caller(Authentication user) {
		return new BookingLifecycle.Caller(user.getName(),
				user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
	}

}
