package org.bookingbatch.webhook;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One delivery of an event to a subscription, as the delivery log shows it.
 *
 * @param status PENDING, DELIVERED or FAILED (given up after the retry period)
 * @param attempts how many requests were sent
 * @param nextAttemptAt when a pending delivery is tried next
 * @param giveUpAt when a failing delivery stops being retried; set by its first attempt
 * @param lastStatusCode the receiver's last HTTP status, null when it could not be
 * reached
 * @param log every attempt, oldest first
 */
record DeliveryResponse(long id, String eventId, String eventType, String orderingKey, String status, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable Instant giveUpAt, @Nullable Instant lastAttemptAt,
		@Nullable Integer lastStatusCode, @Nullable String lastError, @Nullable Instant deliveredAt, Instant createdAt,
		List<Attempt> log) {

	DeliveryResponse withLog(List<Attempt> log) {
		return new DeliveryResponse(this.id, this.eventId, this.eventType, this.orderingKey, this.status, this.attempts,
				this.nextAttemptAt, this.giveUpAt, this.lastAttemptAt, this.lastStatusCode, this.lastError,
				this.deliveredAt, this.createdAt, List.copyOf(log));
	}

	/**
	 * One request.
	 *
	 * @param statusCode the receiver's HTTP status, null when it could not be reached
	 * @param error why the attempt failed, null when it succeeded
	 */
	record Attempt(int attempt, Instant at, @Nullable Integer statusCode, @Nullable String error, long durationMillis) {
	}

}
