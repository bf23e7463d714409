package org.bookingbatch.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * The status history of bookings. Its rows double as the outbox of booking events: each
 * is written in the transaction of the change it records, and the webhook relay takes the
 * unpublished ones in order.
 */
@Repository
public class BookingHistory {

	private static final String CHANGE_COLUMNS = """
			h.id, h.booking_id, h.from_status, h.to_status, h.transition, h.actor, h.at, h.reason, h.fields,
			b.client_id, b.team_id, b.schedule_entry_id, b.occurrence_date, b.starts_at, b.ends_at, b.batch_id
			""";

	private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	BookingHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long record(long bookingId, @Nullable String from, String to, @Nullable String transition, String actor, Instant at,
			@Nullable String reason, Map<String, Object> fields) {
		KeyHolder keys = new GeneratedKeyHolder();
		int inserted = this.jdbc.sql("""
				INSERT INTO booking_status_history (booking_id, from_status, to_status, transition, actor, at, reason,
				fields) VALUES (:bookingId, :from, :to, :transition, :actor, :at, :reason, :fields)
				""")
			.param("bookingId", bookingId)
			.param("from", from)
			.param("to", to)
			.param("transition", transition)
			.param("actor", actor)
			.param("at", LifecycleRepository.utc(at))
			.param("reason", reason)
			.param("fields", fields.isEmpty() ? null : this.json.writeValueAsString(fields))
			.update(keys, "id");
		Assert.state(inserted == 1, "Inserted " + inserted + " history rows instead of 1");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The booking's status changes, oldest first. */
	List<HistoryEntry> of(long bookingId) {
		return this.jdbc.sql("SELECT * FROM booking_status_history WHERE booking_id = :bookingId ORDER BY id")
			.param("bookingId", bookingId)
			.query((rs, row) -> new HistoryEntry(rs.getLong("booking_id"), rs.getString("from_status"),
					rs.getString("to_status"), rs.getString("transition"), rs.getString("actor"),
					LifecycleRepository.instant(rs, "at"), rs.getString("reason"), fields(rs)))
			.list();
	}

	/**
	 * The oldest status changes that the webhook relay has not taken yet, oldest first.
	 * @param limit at most this many
	 */
	public List<BookingStatusChange> unpublished(int limit) {
		return this.jdbc
			.sql("SELECT " + CHANGE_COLUMNS + " FROM booking_status_history h JOIN booking b ON b.id = h.booking_id"
					+ " WHERE h.published = FALSE ORDER BY h.id LIMIT :limit")
			.param("limit", limit)
			.query((rs, row) -> change(rs))
			.list();
	}

	/** Marks the changes as taken by the webhook relay. */
	public void markPublished(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("UPDATE booking_status_history SET published = TRUE WHERE id IN (:ids)")
			.param("ids", ids)
			.update();
	}

	/**
	 * Marks the oldest unpublished changes as taken without reading them, when no one
	 * subscribes to booking events.
	 * @return how many were marked
	 */
	public int markPublished(int limit) {
		return this.jdbc
			.sql("UPDATE booking_status_history SET published = TRUE WHERE published = FALSE ORDER BY id LIMIT :limit")
			.param("limit", limit)
			.update();
	}

	private BookingStatusChange change(ResultSet rs) throws SQLException {
		return new BookingStatusChange(rs.getLong("id"), rs.getLong("booking_id"), rs.getString("from_status"),
				rs.getString("to_status"), rs.getString("transition"), rs.getString("actor"),
				LifecycleRepository.instant(rs, "at"), rs.getString("reason"), fields(rs), rs.getLong("client_id"),
				rs.getLong("team_id"), rs.getObject("schedule_entry_id", Long.class),
				rs.getObject("occurrence_date", LocalDate.class), LifecycleRepository.instant(rs, "starts_at"),
				LifecycleRepository.instant(rs, "ends_at"), rs.getObject("batch_id", Long.class));
	}

	private Map<String, Object> fields(ResultSet rs) throws SQLException {
		String fields = rs.getString("fields");
		return (fields != null) ? this.json.readValue(fields, FIELDS) : new LinkedHashMap<>();
	}

	/**
	 * One status change as {@code GET /api/bookings/{id}/history} answers it.
	 *
	 * @param from null for the creation
	 * @param transition null for the creation
	 */
	record HistoryEntry(long bookingId, @Nullable String from, String to, @Nullable String transition, String actor,
			Instant at, @Nullable String reason, Map<String, Object> fields) {
	}

}
