package org.bookingbatch.generation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

	BatchTimeline(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
		this.jdbc.sql("""
				INSERT INTO batch_event (batch_id, at, type, from_status, to_status, actor, message)
				VALUES (:batchId, :at, :type, :from, :to, :actor, :message)
				""")
			.param("batchId", batchId)
			.param("at", Timestamp.from(Instant.now(this.clock)))
			.param("type", type)
			.param("from", (from != null) ? from.name() : null)
			.param("to", (to != null) ? to.name() : null)
			.param("actor", actor)
			.param("message", (message != null) ? BatchRepository.truncate(message, 2000) : null)
			.update();
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
