package org.bookingbatch.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes events into the outbox in the caller's transaction, so that an event exists if
 * and only if the change it tells was committed. An event nobody subscribes to is not
 * written.
 */
@Component
public class WebhookOutbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	WebhookOutbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds an event.
	 * @param orderingKey what the event is about, such as {@code batch:12}; events with
	 * one key are delivered in the order they were added
	 * @param data the event's data, delivered as its {@code data} member
	 * @param occurredAt when the change happened
	 */
	public void append(WebhookEventType type, String orderingKey, Map<String, ?> data, Instant occurredAt) {
		append(UUID.randomUUID().toString(), type, orderingKey, this.json.writeValueAsString(data), occurredAt);
	}

	/**
	 * Adds an event with a given id, once: a second call with the same id does nothing.
	 */
	void append(String eventId, WebhookEventType type, String orderingKey, String payload, Instant occurredAt) {
		this.jdbc.sql("""
				INSERT INTO webhook_event (event_id, type, ordering_key, payload, occurred_at, created_at)
				SELECT :eventId, :type, :key, :payload, :occurredAt, :now FROM DUAL
				WHERE EXISTS (SELECT 1 FROM webhook_subscription_event se
				JOIN webhook_subscription s ON s.id = se.subscription_id
				WHERE se.event_type = :type AND s.active)
				ON DUPLICATE KEY UPDATE id = id
				""")
			.param("eventId", eventId)
			.param("type", type.apiName())
			.param("key", orderingKey)
			.param("payload", payload)
			.param("occurredAt", utc(occurredAt))
			.param("now", utc(this.clock.instant()))
			.update();
	}

	/** Whether an active subscription asks for the event type. */
	boolean subscribed(WebhookEventType type) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM webhook_subscription_event se JOIN webhook_subscription s
				ON s.id = se.subscription_id WHERE se.event_type = :type AND s.active
				""").param("type", type.apiName()).query(Long.class).single() > 0;
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
