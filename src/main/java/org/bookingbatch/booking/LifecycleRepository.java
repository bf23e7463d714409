package org.bookingbatch.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * Reads a booking under its row lock and writes its status, activity, cancellation and
 * carers for the lifecycle.
 */
@Repository
class LifecycleRepository {

	private final JdbcClient jdbc;

	LifecycleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The booking, its row locked until the transaction ends, so that its status changes
	 * one transition at a time.
	 */
	Optional<BookingState> lock(long id) {
		return this.jdbc.sql("""
				SELECT id, client_id, team_id, schedule_entry_id, occurrence_date, starts_at, ends_at, carers_required,
				status, last_activity_at FROM booking WHERE id = :id FOR UPDATE
				""")
			.param("id", id)
			.query((rs, row) -> state(rs))
			.optional()
			.map((booking) -> booking.withCarers(carers(id)));
	}

	/** The booking's status, without a lock. */
	Optional<String> status(long id) {
		return this.jdbc.sql("SELECT status FROM booking WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	private List<Long> carers(long id) {
		return this.jdbc.sql("SELECT carer_id FROM booking_carer WHERE booking_id = :id ORDER BY slot")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	void moveTo(long id, String from, String to, Instant at) {
		int updated = this.jdbc.sql("""
				UPDATE booking SET status = :to, last_activity_at = :at, version = version + 1
				WHERE id = :id AND status = :from
				""").param("to", to).param("at", utc(at)).param("id", id).param("from", from).update();
		Assert.state(updated == 1, "Moved " + updated + " bookings from " + from + " to " + to + " instead of 1");
	}

	/** Records activity on the booking: timeouts counted from it start over. */
	void touch(long id, Instant at) {
		int updated = this.jdbc.sql("UPDATE booking SET last_activity_at = :at, version = version + 1 WHERE id = :id")
			.param("at", utc(at))
			.param("id", id)
			.update();
		Assert.state(updated == 1, "Touched " + updated + " bookings instead of 1");
	}

	void recordCancellation(long id, Instant at, String by, @Nullable String reason, @Nullable Boolean chargeClient,
			@Nullable Boolean payCarer) {
		int updated = this.jdbc.sql("""
				UPDATE booking SET cancelled_at = :at, cancelled_by = :by, cancel_reason = :reason,
				charge_client = :chargeClient, pay_carer = :payCarer WHERE id = :id
				""")
			.param("at", utc(at))
			.param("by", by)
			.param("reason", reason)
			.param("chargeClient", chargeClient)
			.param("payCarer", payCarer)
			.param("id", id)
			.update();
		Assert.state(updated == 1, "Cancelled " + updated + " bookings instead of 1");
	}

	/** Replaces the booking's carer slots by the carers in order (slots 1, 2, ...). */
	void replaceCarers(BookingState booking, List<Long> carerIds) {
		this.jdbc.sql("DELETE FROM booking_carer WHERE booking_id = :id").param("id", booking.id()).update();
		int slot = 1;
		for (long carerId : carerIds) {
			int inserted = this.jdbc.sql("""
					INSERT INTO booking_carer (booking_id, slot, carer_id, starts_at, ends_at)
					VALUES (:bookingId, :slot, :carerId, :startsAt, :endsAt)
					""")
				.param("bookingId", booking.id())
				.param("slot", slot++)
				.param("carerId", carerId)
				.param("startsAt", utc(booking.startsAt()))
				.param("endsAt", utc(booking.endsAt()))
				.update();
			Assert.state(inserted == 1, "Inserted " + inserted + " carer slots instead of 1");
		}
	}

	private static BookingState state(ResultSet rs) throws SQLException {
		return new BookingState(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("team_id"),
				rs.getObject("schedule_entry_id", Long.class), rs.getObject("occurrence_date", LocalDate.class),
				instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getInt("carers_required"), List.of(),
				rs.getString("status"), instant(rs, "last_activity_at"));
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

}
