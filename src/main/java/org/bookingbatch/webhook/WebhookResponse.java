package org.bookingbatch.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A webhook subscription as the API answers it; the secret is never shown.
 *
 * @param deliveries how many deliveries are pending, delivered and failed
 */
record WebhookResponse(long id, String url, List<String> eventTypes, boolean active, String createdBy,
		Instant createdAt, Instant updatedAt, long version, Map<String, Long> deliveries) {
}
