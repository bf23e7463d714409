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
@RequestMapping("/api/clients")
class ClientController {

	private final ClientService clients;

	ClientController(ClientService clients) {
		this.clients = clients;
	}

	@PostMapping
	ResponseEntity<Client> create(@RequestBody ClientRequest request) {
		Client client = this.clients.create(request);
		return Responses.created("/api/clients/{id}", client.id(), client);
	}

	@PutMapping("/{id}")
	Client update(@PathVariable long id, @RequestBody ClientRequest request) {
		return this.clients.update(id, request);
	}

	@GetMapping("/{id}")
	Client get(@PathVariable long id) {
		return this.clients.get(id);
	}

	@GetMapping
	PageResponse<Client> list(@RequestParam(required = false) @Nullable Long teamId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request) {
		QueryParameters.allowOnly(request, "teamId");
		return this.clients.list(teamId, PageParams.of(page, size));
	}

}
