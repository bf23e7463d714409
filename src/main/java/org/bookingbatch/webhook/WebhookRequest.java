package org.bookingbatch.webhook;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A webhook subscription to create or replace. Every field is checked by hand so that all
 * field errors are reported at once.
 *
 * @param url where deliveries are POSTed (http or https)
 * @param secret the key of the deliveries' HMAC-SHA256 signature, at least 16 characters;
 * when replacing, absent keeps the current one
 * @param eventTypes {@code booking.status_changed}, {@code batch.status_changed}
 * @param active whether events are delivered; true when absent
 */
record WebhookRequest(@Nullable String url, @Nullable String secret, @Nullable List<@Nullable String> eventTypes,
		@Nullable Boolean active) {
}
