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
class ServiceContractController {

	private final ServiceContractService contracts;

	ServiceContractController(ServiceContractService contracts) {
		this.contracts = contracts;
	}

	@PostMapping("/clients/{clientId}/service-contracts")
	ResponseEntity<ServiceContract> create(@PathVariable long clientId, @RequestBody ServiceContractRequest request) {
		ServiceContract contract = this.contracts.create(clientId, request);
		return Responses.created("/api/service-contracts/{id}", contract.id(), contract);
	}

	@GetMapping("/clients/{clientId}/service-contracts")
	PageResponse<ServiceContract> list(@PathVariable long clientId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request) {
		QueryParameters.allowOnly(request);
		return this.contracts.list(clientId, PageParams.of(page, size));
	}

	@PutMapping("/service-contracts/{id}")
	ServiceContract update(@PathVariable long id, @RequestBody ServiceContractRequest request) {
		return this.contracts.update(id, request);
	}

	@GetMapping("/service-contracts/{id}")
	ServiceContract get(@PathVariable long id) {
		return this.contracts.get(id);
	}

}
