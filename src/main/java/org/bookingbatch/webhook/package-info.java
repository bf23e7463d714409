/**
 * Webhooks: subscriptions (a URL, a secret, event types), a transactional outbox of
 * events, and signed deliveries with retries and a log.
 * <p>
 * Events enter the outbox in the transaction of the change they tell: batch status
 * changes through {@link org.bookingbatch.webhook.WebhookOutbox}, booking status changes
 * as rows of the booking status history, which a relay copies in order into the outbox. A
 * dispatcher then creates one delivery per subscription and sends them, oldest first per
 * booking (or batch), retrying with exponential back-off until the retry period ends.
 * Every request carries the event id, so that receivers can drop the duplicates that
 * at-least-once delivery brings, and a signature header
 * {@code Booking-Batch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}
 * computed with the subscription's secret; receivers reject old timestamps to stop
 * replays.
 */
@NullMarked
package org.bookingbatch.webhook;

import org.jspecify.annotations.NullMarked;
