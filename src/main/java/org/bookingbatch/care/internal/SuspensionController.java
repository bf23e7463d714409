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
@RequestMapping("/api")
class SuspensionController {

	private final SuspensionService suspensions;

	SuspensionController(SuspensionService suspensions) {
		this.suspensions = suspensions;
	}

	@PostMapping("/clients/{clientId}/suspensions")
	ResponseEntity<Suspension> create(@PathVariable long clientId, @RequestBody SuspensionRequest request) {
		Suspension suspension = this.suspensions.create(clientId, request);
		return Responses.created("/api/suspensions/{id}", suspension.id(), suspension);
	}

	@GetMapping("/clients/{clientId}/suspensions")
	PageResponse<Suspension> list(@PathVariable long clientId, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request) {
		QueryParameters.allowOnly(request);
		return this.suspensions.list(clientId, PageParams.of(page, size));
	}

	@PutMapping("/suspensions/{id}")
	Suspension update(@PathVariable long id, @RequestBody SuspensionRequest request) {
		return this.suspensions.update(id, request);
	}

	@GetMapping("/suspensions/{id}")
	Suspension get(@PathVariable long id) {
		return this.suspensions.get(id);
	}

}
