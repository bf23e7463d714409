package org.bookingbatch.generation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.bookingbatch.webhook.WebhookEventType;
import org.bookingbatch.webhook.WebhookOutbox;

/**
 * The timeline of each batch: status changes, user actions, failures and recoveries,
 * oldest first.
 */
@Component
class BatchTimeline {

	/** The actor of what the application does by itself. */
	static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WebhookOutbox outbox;

	BatchTimeline(JdbcClient jdbc, Clock clock, WebhookOutbox outbox) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.outbox = outbox;
	}

	void statusChanged(long batchId, @Nullable BookingBatchStatus from, BookingBatchStatus to, String actor,
			@Nullable String message) {
		record(batchId, "STATUS_CHANGED", from, to, actor, message);
	}

	void action(long batchId, String type, String actor, String message) {
		record(batchId, type, null, null, actor, message);
	}

	void record(long batchId, String type, @Nullable BookingBatchStatus from, @Nullable BookingBatchStatus to,
			String actor, @Nullable String message) {
		Instant at = Instant.now(this.clock);
		this.jdbc.sql("""
				INSERT INTO batch_event (batch_id, at, type, from_status, to_status, actor, message)
				VALUES (:batchId, :at, :type, :from, :to, :actor, :message)
				""")
			.param("batchId", batchId)
			.param("at", Timestamp.from(at))
			.param("type", type)
			.param("from", (from != null) ? from.name() : null)
			.param("to", (to != null) ? to.name() : null)
			.param("actor", actor)
			.param("message", (message != null) ? BatchRepository.truncate(message, 2000) : null)
			.update();
		if (to != null) {
			// batch.status_changed, in the transaction of the change
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("batchId", batchId);
			data.put("type", type);
			data.put("from", (from != null) ? from.name() : null);
			data.put("to", to.name());
			data.put("actor", actor);
			data.put("at", at.toString());
			data.put("message", message);
			this.outbox.append(WebhookEventType.BATCH_STATUS_CHANGED, "batch:" + batchId, data, at);
		}
	}

	List<TimelineEvent> of(long batchId) {
		return this.jdbc.sql("SELECT * FROM batch_event WHERE batch_id = :batchId ORDER BY id")
			.param("batchId", batchId)
			.query((rs, row) -> new TimelineEvent(BatchRepository.instant(rs, "at"), rs.getString("type"),
					rs.getString("from_status"), rs.getString("to_status"), rs.getString("actor"),
					rs.getString("message")))
			.list();
	}

	/** One timeline event as the API answers it. */
	record TimelineEvent(Instant at, String type, @Nullable String fromStatus, @Nullable String toStatus, String actor,
			@Nullable String message) {
	}

}
