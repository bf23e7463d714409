package org.bookingbatch.generation;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import org.bookingbatch.care.Recurrence;

/**
 * Care-model rows for batch tests, written straight to the database.
 */
final class GenerationFixtures {

	/** The provider's zone (booking.time-zone). */
	static final ZoneId ZONE = ZoneId.of("Europe/London");

	private final JdbcClient jdbc;

	GenerationFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long team(String name) {
		return insert("INSERT INTO team (name) VALUES ('" + name + "')");
	}

	long client(String name, long teamId) {
		long id = insert("INSERT INTO client (name) VALUES ('" + name + "')");
		this.jdbc.sql("INSERT INTO client_team (client_id, team_id) VALUES (?, ?)").params(id, teamId).update();
		this.jdbc.sql("INSERT INTO service_contract (client_id, service_type, start_date) VALUES (?, 'Home care', ?)")
			.params(id, LocalDate.of(2020, 1, 1))
			.update();
		return id;
	}

	long carer(String name, long teamId) {
		long id = insert("INSERT INTO carer (name) VALUES ('" + name + "')");
		this.jdbc.sql("INSERT INTO carer_team (carer_id, team_id) VALUES (?, ?)").params(id, teamId).update();
		return id;
	}

	/** A weekly window in which the carer is scheduled to work, local times. */
	void availability(long carerId, DayOfWeek day, LocalTime start, LocalTime end) {
		this.jdbc
			.sql("INSERT INTO carer_availability (carer_id, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?)")
			.params(carerId, day.getValue(), start, end)
			.update();
	}

	void absence(long carerId, Instant from, Instant to) {
		this.jdbc.sql("INSERT INTO carer_absence (carer_id, starts_at, ends_at, reason) VALUES (?, ?, ?, 'Holiday')")
			.params(carerId, Timestamp.from(from), Timestamp.from(to))
			.update();
	}

	long entry(long clientId, long teamId, Set<DayOfWeek> days, LocalTime start, int minutes, int carersRequired,
			List<Long> carerIds, LocalDate validFrom) {
		long id = insert("INSERT INTO schedule_entry (client_id, team_id, days_of_week, start_time, duration_minutes,"
				+ " cycle_weeks, cycle_start, weeks, carers_required, valid_from) VALUES (" + clientId + ", " + teamId
				+ ", " + Recurrence.daysMask(days) + ", '" + start + "', " + minutes + ", 1, '"
				+ validFrom.with(DayOfWeek.MONDAY) + "', 1, " + carersRequired + ", '" + validFrom + "')");
		for (int slot = 0; slot < carerIds.size(); slot++) {
			this.jdbc.sql("INSERT INTO schedule_entry_carer (schedule_entry_id, slot, carer_id) VALUES (?, ?, ?)")
				.params(id, slot + 1, carerIds.get(slot))
				.update();
		}
		return id;
	}

	/**
	 * Inserts a booking of a schedule entry's occurrence, at the entry's time in the
	 * provider's zone, with the entry's carers; no batch id means a booking that no batch
	 * made.
	 */
	long booking(long scheduleEntryId, LocalDate date, String status, Long batchId) {
		var entry = this.jdbc
			.sql("SELECT client_id, team_id, start_time, duration_minutes, carers_required"
					+ " FROM schedule_entry WHERE id = ?")
			.param(scheduleEntryId)
			.query((rs,
					row) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalTime.class), rs.getInt(4),
							rs.getInt(5) })
			.single();
		Instant startsAt = date.atTime((LocalTime) entry[2]).atZone(ZONE).toInstant();
		Instant endsAt = startsAt.plus(Duration.ofMinutes((int) entry[3]));
		long id = insert(this.jdbc.sql("""
				INSERT INTO booking (client_id, team_id, schedule_entry_id, occurrence_date, starts_at, ends_at,
				carers_required, status, batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(entry[0], entry[1], scheduleEntryId, date, Timestamp.from(startsAt), Timestamp.from(endsAt),
					entry[4], status, batchId, Timestamp.from(Instant.now())));
		List<Long> carers = this.jdbc
			.sql("SELECT carer_id FROM schedule_entry_carer WHERE schedule_entry_id = ? ORDER BY slot")
			.param(scheduleEntryId)
			.query(Long.class)
			.list();
		for (int slot = 0; slot < carers.size(); slot++) {
			this.jdbc
				.sql("INSERT INTO booking_carer (booking_id, slot, carer_id, starts_at, ends_at)"
						+ " VALUES (?, ?, ?, ?, ?)")
				.params(id, slot + 1, carers.get(slot), Timestamp.from(startsAt), Timestamp.from(endsAt))
				.update();
		}
		return id;
	}

	/**
	 * Inserts a one-off visit of a carer (no schedule entry), which occupies their time.
	 */
	long oneOffVisit(long clientId, long teamId, long carerId, Instant startsAt, Duration length) {
		long id = insert(this.jdbc.sql("""
				INSERT INTO booking (client_id, team_id, occurrence_date, starts_at, ends_at, carers_required, status,
				created_at) VALUES (?, ?, ?, ?, ?, 1, 'dispatched', ?)
				""")
			.params(clientId, teamId, LocalDate.ofInstant(startsAt, ZONE), Timestamp.from(startsAt),
					Timestamp.from(startsAt.plus(length)), Timestamp.from(Instant.now())));
		this.jdbc
			.sql("INSERT INTO booking_carer (booking_id, slot, carer_id, starts_at, ends_at) VALUES (?, 1, ?, ?, ?)")
			.params(id, carerId, Timestamp.from(startsAt), Timestamp.from(startsAt.plus(length)))
			.update();
		return id;
	}

	/** Changes a schedule entry the way the care API would: its version moves on. */
	void changeEntry(long scheduleEntryId, String assignments) {
		this.jdbc.sql("UPDATE schedule_entry SET " + assignments + ", version = version + 1 WHERE id = ?")
			.param(scheduleEntryId)
			.update();
	}

	/** The instant a local time of a date has in the provider's zone. */
	static Instant at(LocalDate date, LocalTime time) {
		return date.atTime(time).atZone(ZONE).toInstant();
	}

	private long insert(String sql) {
		return insert(this.jdbc.sql(sql));
	}

	private long insert(JdbcClient.StatementSpec statement) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement.update(keys);
		return keys.getKey().longValue();
	}

}
