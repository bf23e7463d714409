package org.bookingbatch.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * Reads and writes bookings and their carer slots.
 */
@Repository
class BookingRepository {

	private static final String COLUMNS = """
			b.id, b.client_id, b.team_id, b.schedule_entry_id, b.occurrence_date, b.starts_at, b.ends_at,
			b.carers_required, b.status, b.batch_id, b.created_at
			""";

	private final JdbcClient jdbc;

	BookingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Booking> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM booking b WHERE b.id = :id")
			.param("id", id)
			.query((rs, row) -> booking(rs))
			.optional()
			.map((booking) -> booking.withCarers(carersOf(List.of(id)).getOrDefault(id, List.of())));
	}

	PageResponse<Booking> find(BookingFilter filter, PageParams page) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		// The occurrence date is the local date of starts_at, so a bound on starts_at
		// that
		// is two days wider than any time zone offset changes nothing but lets the
		// starts_at index narrow the scan.
		if (filter.from() != null) {
			where.append(" AND b.occurrence_date >= :from AND b.starts_at >= :fromStart");
			params.put("from", filter.from());
			params.put("fromStart", filter.from().minusDays(2).atStartOfDay());
		}
		if (filter.to() != null) {
			where.append(" AND b.occurrence_date <= :to AND b.starts_at < :toEnd");
			params.put("to", filter.to());
			params.put("toEnd", filter.to().plusDays(3).atStartOfDay());
		}
		if (filter.clientId() != null) {
			where.append(" AND b.client_id = :clientId");
			params.put("clientId", filter.clientId());
		}
		if (filter.teamId() != null) {
			where.append(" AND b.team_id = :teamId");
			params.put("teamId", filter.teamId());
		}
		if (filter.batchId() != null) {
			where.append(" AND b.batch_id = :batchId");
			params.put("batchId", filter.batchId());
		}
		if (filter.carerId() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM booking_carer bc WHERE bc.booking_id = b.id"
					+ " AND bc.carer_id = :carerId)");
			params.put("carerId", filter.carerId());
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM booking b" + where).params(params).query(Long.class).single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<Booking> bookings = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM booking b" + where
					+ " ORDER BY b.starts_at, b.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, row) -> booking(rs))
			.list();
		Map<Long, List<Long>> carers = carersOf(bookings.stream().map(Booking::id).toList());
		return PageResponse.of(bookings.stream()
			.map((booking) -> booking.withCarers(carers.getOrDefault(booking.id(), List.of())))
			.toList(), page, total);
	}

	/** The carers of each booking, in slot order. */
	private Map<Long, List<Long>> carersOf(Collection<Long> bookingIds) {
		Map<Long, List<Long>> carers = new LinkedHashMap<>();
		if (bookingIds.isEmpty()) {
			return carers;
		}
		this.jdbc
			.sql("SELECT booking_id, carer_id FROM booking_carer WHERE booking_id IN (:ids) ORDER BY booking_id, slot")
			.param("ids", bookingIds)
			.query((rs) -> {
				carers.computeIfAbsent(rs.getLong("booking_id"), (id) -> new ArrayList<>()).add(rs.getLong("carer_id"));
			});
		return carers;
	}

	/**
	 * Locks the client's row until the transaction ends, so that check-and-insert of
	 * bookings for the client is serialised.
	 * @return whether the client exists
	 */
	boolean lockClient(long clientId) {
		return this.jdbc.sql("SELECT id FROM client WHERE id = :id FOR UPDATE")
			.param("id", clientId)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/**
	 * Locks the carers' rows (in id order, so that two transactions cannot deadlock)
	 * until the transaction ends.
	 * @return the ids of the carers that exist
	 */
	Set<Long> lockCarers(Collection<Long> carerIds) {
		if (carerIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("SELECT id FROM carer WHERE id IN (:ids) ORDER BY id FOR UPDATE")
			.param("ids", carerIds)
			.query(Long.class)
			.list());
	}

	boolean teamExists(long teamId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM team WHERE id = :id")
			.param("id", teamId)
			.query(Long.class)
			.single() > 0;
	}

	boolean clientInTeam(long clientId, long teamId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM client_team WHERE client_id = :clientId AND team_id = :teamId")
			.param("clientId", clientId)
			.param("teamId", teamId)
			.query(Long.class)
			.single() > 0;
	}

	/** Inserts a booking and its carer slots (1-based, in the given order). */
	long insert(NewBooking booking) {
		KeyHolder keys = new GeneratedKeyHolder();
		int inserted = this.jdbc.sql("""
				INSERT INTO booking (client_id, team_id, schedule_entry_id, occurrence_date, starts_at, ends_at,
				carers_required, status, batch_id, created_at, created_by, last_activity_at)
				VALUES (:clientId, :teamId, NULL, :occurrenceDate, :startsAt, :endsAt, :carersRequired, :status, NULL,
				:createdAt, :createdBy, :createdAt)
				""")
			.param("clientId", booking.clientId())
			.param("teamId", booking.teamId())
			.param("occurrenceDate", booking.occurrenceDate())
			.param("startsAt", utc(booking.startsAt()))
			.param("endsAt", utc(booking.endsAt()))
			.param("carersRequired", booking.carersRequired())
			.param("status", booking.status())
			.param("createdAt", utc(booking.createdAt()))
			.param("createdBy", booking.createdBy())
			.update(keys, "id");
		Assert.state(inserted == 1, "Inserted " + inserted + " bookings instead of 1");
		long id = keys.getKeyAs(Number.class).longValue();
		int slot = 1;
		for (long carerId : booking.carerIds()) {
			int slotInserted = this.jdbc.sql("""
					INSERT INTO booking_carer (booking_id, slot, carer_id, starts_at, ends_at)
					VALUES (:bookingId, :slot, :carerId, :startsAt, :endsAt)
					""")
				.param("bookingId", id)
				.param("slot", slot++)
				.param("carerId", carerId)
				.param("startsAt", utc(booking.startsAt()))
				.param("endsAt", utc(booking.endsAt()))
				.update();
			Assert.state(slotInserted == 1, "Inserted " + slotInserted + " carer slots instead of 1");
		}
		return id;
	}

	/** The booking's status, locking its row until the transaction ends. */
	Optional<String> lockStatus(long id) {
		return this.jdbc.sql("SELECT status FROM booking WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	void cancel(long id, String status, Instant at, String reason) {
		int updated = this.jdbc.sql("""
				UPDATE booking SET status = :status, cancelled_at = :at, cancel_reason = :reason, version = version + 1
				WHERE id = :id
				""").param("status", status).param("at", utc(at)).param("reason", reason).param("id", id).update();
		Assert.state(updated == 1, "Cancelled " + updated + " bookings instead of 1");
	}

	private static Booking booking(ResultSet rs) throws SQLException {
		return new Booking(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("team_id"),
				rs.getObject("schedule_entry_id", Long.class), rs.getObject("occurrence_date", LocalDate.class),
				instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getInt("carers_required"), List.of(),
				rs.getString("status"), rs.getObject("batch_id", Long.class), instant(rs, "created_at"));
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	/** A booking to insert. */
	record NewBooking(long clientId, long teamId, LocalDate occurrenceDate, Instant startsAt, Instant endsAt,
			int carersRequired, List<Long> carerIds, String status, Instant createdAt, @Nullable String createdBy) {
	}

}
