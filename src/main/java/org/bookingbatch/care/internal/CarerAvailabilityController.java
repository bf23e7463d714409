package org.bookingbatch.care.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.bookingbatch.platform.QueryParameters;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class CarerAvailabilityController {

	private final CarerAvailabilityService availability;

	CarerAvailabilityController(CarerAvailabilityService availability) {
		this.availability = availability;
	}

	@PostMapping("/carers/{carerId}/availability")
	ResponseEntity<CarerAvailability> create(@PathVariable long carerId,
			@RequestBody CarerAvailabilityRequest request) {
		CarerAvailability window = this.availability.create(carerId, request);
		return Responses.created("/api/carer-availability/{id}", window.id(), window);
	}

	@GetMapping("/carers/{carerId}/availability")
	PageResponse<CarerAvailability> list(@PathVariable long carerId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request) {
		QueryParameters.allowOnly(request);
		return this.availability.list(carerId, PageParams.of(page, size));
	}

	@GetMapping("/carer-availability/{id}")
	CarerAvailability get(@PathVariable long id) {
		return this.availability.get(id);
	}

	@DeleteMapping("/carer-availability/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.availability.delete(id);
		return ResponseEntity.noContent().build();
	}

}
