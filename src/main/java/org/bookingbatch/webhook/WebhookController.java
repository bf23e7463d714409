package org.bookingbatch.webhook;

import java.security.Principal;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The webhooks API (ADMIN): subscriptions and their delivery logs.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

	private final WebhookService webhooks;

	WebhookController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	ResponseEntity<WebhookResponse> create(@RequestBody WebhookRequest request, Principal user) {
		WebhookResponse created = this.webhooks.create(request, user.getName());
		return ResponseEntity
			.created(
					ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping
	PageResponse<WebhookResponse> list(HttpServletRequest request,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		QueryParameters.allowOnly(request);
		return this.webhooks.list(PageParams.of(page, size));
	}

	@GetMapping("/{id}")
	WebhookResponse get(@PathVariable long id) {
		return this.webhooks.get(id);
	}

	@PutMapping("/{id}")
	WebhookResponse replace(@PathVariable long id, @RequestBody WebhookRequest request) {
		return this.webhooks.replace(id, request);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.webhooks.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/deliveries")
	PageResponse<DeliveryResponse> deliveries(HttpServletRequest request, @PathVariable long id,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		QueryParameters.allowOnly(request, "status");
		return this.webhooks.deliveries(id, status, PageParams.of(page, size));
	}

}
