package org.bookingbatch.booking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Writes care-model rows and bookings straight into the database for tests, so that they
 * depend on nothing but the schema.
 */
final class BookingTestData {

	private final JdbcClient jdbc;

	BookingTestData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long team(String name) {
		return insert("INSERT INTO team (name) VALUES (?)", name);
	}

	/** An active client with an address, in the given teams. */
	long client(String name, long... teamIds) {
		long id = insert("INSERT INTO client (name) VALUES (?)", name);
		for (long teamId : teamIds) {
			this.jdbc.sql("INSERT INTO client_team (client_id, team_id) VALUES (?, ?)").params(id, teamId).update();
		}
		return id;
	}

	/** An active carer with an address, employed since 2020, in the given teams. */
	long carer(String name, long... teamIds) {
		long id = insert("INSERT INTO carer (name, employment_start) VALUES (?, ?)", name, LocalDate.of(2020, 1, 1));
		for (long teamId : teamIds) {
			this.jdbc.sql("INSERT INTO carer_team (carer_id, team_id) VALUES (?, ?)").params(id, teamId).update();
		}
		return id;
	}

	long contract(long clientId, String serviceType, LocalDate startDate, LocalDate finishDate) {
		return insert(
				"INSERT INTO service_contract (client_id, service_type, start_date, finish_date) VALUES (?, ?, ?, ?)",
				clientId, serviceType, startDate, finishDate);
	}

	long suspension(long clientId, Instant startsAt, Instant finishesAt, String reason) {
		return insert("INSERT INTO suspension (client_id, starts_at, finishes_at, reason) VALUES (?, ?, ?, ?)",
				clientId, utc(startsAt), (finishesAt != null) ? utc(finishesAt) : null, reason);
	}

	long absence(long carerId, Instant startsAt, Instant endsAt, String reason) {
		return insert("INSERT INTO carer_absence (carer_id, starts_at, ends_at, reason) VALUES (?, ?, ?, ?)", carerId,
				utc(startsAt), utc(endsAt), reason);
	}

	long availability(long carerId, DayOfWeek day, LocalTime start, LocalTime end) {
		return insert(
				"INSERT INTO carer_availability (carer_id, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?)",
				carerId, day.getValue(), start, end);
	}

	/**
	 * A weekly schedule entry on every day, from 2026; enough for bookings to point at.
	 */
	long scheduleEntry(long clientId, long teamId) {
		return insert("""
				INSERT INTO schedule_entry (client_id, team_id, days_of_week, start_time, duration_minutes, cycle_start,
				valid_from) VALUES (?, ?, 127, '08:00', 30, '2025-12-29', '2026-01-01')
				""", clientId, teamId);
	}

	/** A booking with the carers in slot order. */
	long booking(long clientId, long teamId, Long scheduleEntryId, LocalDate occurrenceDate, Instant startsAt,
			Instant endsAt, String status, long... carerIds) {
		long id = insert("""
				INSERT INTO booking (client_id, team_id, schedule_entry_id, occurrence_date, starts_at, ends_at,
				carers_required, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", clientId, teamId, scheduleEntryId, occurrenceDate, utc(startsAt), utc(endsAt),
				Math.max(1, carerIds.length), status, utc(Instant.parse("2026-01-01T00:00:00Z")));
		for (int slot = 0; slot < carerIds.length; slot++) {
			this.jdbc.sql("""
					INSERT INTO booking_carer (booking_id, slot, carer_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)
					""").params(id, slot + 1, carerIds[slot], utc(startsAt), utc(endsAt)).update();
		}
		return id;
	}

	void update(String sql, Object... params) {
		this.jdbc.sql(sql).params(params).update();
	}

	private long insert(String sql, Object... params) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
