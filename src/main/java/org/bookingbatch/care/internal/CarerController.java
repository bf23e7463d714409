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
@RequestMapping("/api/carers")
class CarerController {

	private final CarerService carers;

	CarerController(CarerService carers) {
		this.carers = carers;
	}

	@PostMapping
	ResponseEntity<Carer> create(@RequestBody CarerRequest request) {
		Carer carer = this.carers.create(request);
		return Responses.created("/api/carers/{id}", carer.id(), carer);
	}

	@PutMapping("/{id}")
	Carer update(@PathVariable long id, @RequestBody CarerRequest request) {
		return this.carers.update(id, request);
	}

	@GetMapping("/{id}")
	Carer get(@PathVariable long id) {
		return this.carers.get(id);
	}

	@GetMapping
	PageResponse<Carer> list(@RequestParam(required = false) @Nullable Long teamId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request) {
		QueryParameters.allowOnly(request, "teamId");
		return this.carers.list(teamId, PageParams.of(page, size));
	}

}
