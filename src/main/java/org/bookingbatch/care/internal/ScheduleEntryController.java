package org.bookingbatch.care.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.bookingbatch.platform.QueryParameters;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/schedule-entries")
class ScheduleEntryController {

	private final ScheduleEntryService entries;

	ScheduleEntryController(ScheduleEntryService entries) {
		this.entries = entries;
	}

	@PostMapping
	ResponseEntity<ScheduleEntryResponse> create(@RequestBody ScheduleEntryRequest request) {
		ScheduleEntryResponse entry = this.entries.create(request);
		return Responses.created("/api/schedule-entries/{id}", entry.id(), entry);
	}

	@PutMapping("/{id}")
	ScheduleEntryResponse update(@PathVariable long id, @RequestBody ScheduleEntryRequest request) {
		return this.entries.update(id, request);
	}

	@GetMapping("/{id}")
	ScheduleEntryResponse get(@PathVariable long id) {
		return this.entries.get(id);
	}

	@GetMapping
	PageResponse<ScheduleEntryResponse> list(@RequestParam(required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Long teamId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request) {
		QueryParameters.allowOnly(request, "clientId", "teamId");
		return this.entries.list(clientId, teamId, PageParams.of(page, size));
	}

}
