package org.bookingbatch.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * Fans events out into deliveries, finds the deliveries due, claims them and records each
 * attempt.
 */
@Repository
class DeliveryRepository {

	static final String PENDING = "PENDING";

	static final String DELIVERED = "DELIVERED";

	static final String FAILED = "FAILED";

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the relay until the transaction ends, so that nodes relay one at a time and
	 * events keep the order of the history.
	 */
	void lockRelay() {
		boolean locked = this.jdbc.sql("SELECT name FROM webhook_lock WHERE name = 'relay' FOR UPDATE")
			.query(String.class)
			.optional()
			.isPresent();
		if (!locked) {
			this.jdbc.sql("INSERT IGNORE INTO webhook_lock (name) VALUES ('relay')").update();
			this.jdbc.sql("SELECT name FROM webhook_lock WHERE name = 'relay' FOR UPDATE").query(String.class).single();
		}
	}

	/**
	 * Creates a pending delivery for every active subscription of each event not fanned
	 * out yet, up to {@code limit} events, oldest first.
	 * @return how many events were fanned out
	 */
	int fanOut(Instant now, int limit) {
		Long last = this.jdbc.sql("""
				SELECT MAX(id) FROM (SELECT id FROM webhook_event WHERE fanned_out = FALSE ORDER BY id LIMIT :limit) x
				""")
			.param("limit", limit)
			.query(Long.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		if (last == null) {
			return 0;
		}
		this.jdbc.sql("""
				INSERT IGNORE INTO webhook_delivery (subscription_id, event_pk, ordering_key, status, attempts,
				next_attempt_at, created_at)
				SELECT s.id, e.id, e.ordering_key, 'PENDING', 0, :now, :now
				FROM webhook_event e JOIN webhook_subscription_event se ON se.event_type = e.type
				JOIN webhook_subscription s ON s.id = se.subscription_id AND s.active
				WHERE e.fanned_out = FALSE AND e.id <= :last ORDER BY e.id, s.id
				""").param("now", utc(now)).param("last", last).update();
		return this.jdbc.sql("UPDATE webhook_event SET fanned_out = TRUE WHERE fanned_out = FALSE AND id <= :last")
			.param("last", last)
			.update();
	}

	/**
	 * Pending deliveries whose time has come and that are first in line for their
	 * subscription and ordering key, oldest event first.
	 */
	List<DueDelivery> due(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT d.id, d.subscription_id, d.attempts, d.give_up_at, e.event_id, e.type, e.payload, e.occurred_at,
				s.url, s.secret
				FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_pk
				JOIN webhook_subscription s ON s.id = d.subscription_id
				WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND s.active
				AND (d.claimed_until IS NULL OR d.claimed_until <= :now)
				AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.subscription_id = d.subscription_id
				AND p.ordering_key = d.ordering_key AND p.status = 'PENDING' AND p.event_pk < d.event_pk)
				ORDER BY d.event_pk, d.id LIMIT :limit
				""")
			.param("now", utc(now))
			.param("limit", limit)
			.query((rs, row) -> new DueDelivery(rs.getLong("id"), rs.getLong("subscription_id"), rs.getInt("attempts"),
					nullableInstant(rs, "give_up_at"), rs.getString("event_id"), rs.getString("type"),
					rs.getString("payload"), instant(rs, "occurred_at"), rs.getString("url"), rs.getString("secret")))
			.list();
	}

	/**
	 * Claims a delivery for sending until {@code until}; false when another node did.
	 */
	boolean claim(long id, Instant now, Instant until) {
		return this.jdbc.sql("""
				UPDATE webhook_delivery SET claimed_until = :until WHERE id = :id AND status = 'PENDING'
				AND (claimed_until IS NULL OR claimed_until <= :now)
				""").param("until", utc(until)).param("id", id).param("now", utc(now)).update() == 1;
	}

	/**
	 * Records an attempt: DELIVERED on success, else PENDING until {@code nextAttemptAt}
	 * or FAILED when that is past the give-up moment.
	 * @param giveUpAt the end of the retry period, fixed by the first attempt
	 */
	void recordAttempt(DueDelivery delivery, Instant at, long durationMillis, @Nullable Integer statusCode,
			@Nullable String error, boolean delivered, @Nullable Instant nextAttemptAt, Instant giveUpAt) {
		String status = delivered ? DELIVERED
				: (nextAttemptAt == null || nextAttemptAt.isAfter(giveUpAt)) ? FAILED : PENDING;
		int updated = this.jdbc.sql("""
				UPDATE webhook_delivery SET status = :status, attempts = attempts + 1, last_attempt_at = :at,
				give_up_at = :giveUpAt,
				last_status_code = :statusCode, last_error = :error, claimed_until = NULL,
				next_attempt_at = COALESCE(:next, next_attempt_at),
				delivered_at = CASE WHEN :delivered THEN :at ELSE NULL END
				WHERE id = :id
				""")
			.param("status", status)
			.param("at", utc(at))
			.param("statusCode", statusCode)
			.param("error", (error != null) ? truncate(error) : null)
			.param("next", (nextAttemptAt != null && status.equals(PENDING)) ? utc(nextAttemptAt) : null)
			.param("delivered", delivered)
			.param("giveUpAt", utc(giveUpAt))
			.param("id", delivery.id())
			.update();
		Assert.state(updated == 1, "Recorded an attempt on " + updated + " deliveries instead of 1");
		this.jdbc.sql("""
				INSERT INTO webhook_delivery_attempt (delivery_id, attempt, at, status_code, error, duration_millis)
				VALUES (:id, :attempt, :at, :statusCode, :error, :duration)
				""")
			.param("id", delivery.id())
			.param("attempt", delivery.attempts() + 1)
			.param("at", utc(at))
			.param("statusCode", statusCode)
			.param("error", (error != null) ? truncate(error) : null)
			.param("duration", durationMillis)
			.update();
	}

	/** The subscription's deliveries, newest first, with their attempts. */
	PageResponse<DeliveryResponse> find(long subscriptionId, @Nullable String status, PageParams page) {
		String where = " WHERE d.subscription_id = :subscriptionId"
				+ ((status != null) ? " AND d.status = :status" : "");
		Map<String, Object> params = new HashMap<>();
		params.put("subscriptionId", subscriptionId);
		if (status != null) {
			params.put("status", status);
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM webhook_delivery d" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<DeliveryResponse> deliveries = this.jdbc.sql("""
				SELECT d.*, e.event_id, e.type FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_pk
				""" + where + " ORDER BY d.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, row) -> delivery(rs))
			.list();
		Map<Long, List<DeliveryResponse.Attempt>> attempts = attempts(
				deliveries.stream().map(DeliveryResponse::id).toList());
		return PageResponse.of(deliveries.stream()
			.map((delivery) -> delivery.withLog(attempts.getOrDefault(delivery.id(), List.of())))
			.toList(), page, total);
	}

	/** Counts of the subscription's deliveries by status. */
	Map<String, Long> counts(long subscriptionId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("pending", 0L);
		counts.put("delivered", 0L);
		counts.put("failed", 0L);
		this.jdbc.sql("SELECT status, COUNT(*) AS n FROM webhook_delivery WHERE subscription_id = :id GROUP BY status")
			.param("id", subscriptionId)
			.query((rs) -> {
				counts.put(rs.getString("status").toLowerCase(), rs.getLong("n"));
			});
		return counts;
	}

	private Map<Long, List<DeliveryResponse.Attempt>> attempts(Collection<Long> deliveryIds) {
		Map<Long, List<DeliveryResponse.Attempt>> attempts = new HashMap<>();
		if (deliveryIds.isEmpty()) {
			return attempts;
		}
		this.jdbc.sql("SELECT * FROM webhook_delivery_attempt WHERE delivery_id IN (:ids) ORDER BY delivery_id, id")
			.param("ids", deliveryIds)
			.query((rs) -> {
				attempts.computeIfAbsent(rs.getLong("delivery_id"), (id) -> new ArrayList<>())
					.add(new DeliveryResponse.Attempt(rs.getInt("attempt"), instant(rs, "at"),
							rs.getObject("status_code", Integer.class), rs.getString("error"),
							rs.getLong("duration_millis")));
			});
		return attempts;
	}

	private static DeliveryResponse delivery(ResultSet rs) throws SQLException {
		return new DeliveryResponse(rs.getLong("id"), rs.getString("event_id"), rs.getString("type"),
				rs.getString("ordering_key"), rs.getString("status"), rs.getInt("attempts"),
				rs.getString("status").equals(PENDING) ? instant(rs, "next_attempt_at") : null,
				nullableInstant(rs, "give_up_at"), nullableInstant(rs, "last_attempt_at"),
				rs.getObject("last_status_code", Integer.class), rs.getString("last_error"),
				nullableInstant(rs, "delivered_at"), instant(rs, "created_at"), List.of());
	}

	private static String truncate(String text) {
		return (text.length() <= 1000) ? text : text.substring(0, 999) + "…";
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	/**
	 * A delivery to send, with what sending needs.
	 *
	 * @param giveUpAt the end of its retry period, null before its first attempt
	 */
	record DueDelivery(long id, long subscriptionId, int attempts, @Nullable Instant giveUpAt, String eventId,
			String type, String payload, Instant occurredAt, String url, String secret) {
	}

}
