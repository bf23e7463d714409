package org.bookingbatch.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import org.bookingbatch.care.Recurrence;

/**
 * Care-model rows for the admin page tests, written straight to the database.
 */
final class AdminFixtures {

	private final JdbcClient jdbc;

	AdminFixtures(JdbcClient jdbc) {
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

	long entry(long clientId, long teamId, Set<DayOfWeek> days, LocalTime start, int minutes, List<Long> carerIds,
			LocalDate validFrom) {
		long id = insert("INSERT INTO schedule_entry (client_id, team_id, days_of_week, start_time, duration_minutes,"
				+ " cycle_weeks, cycle_start, weeks, carers_required, valid_from) VALUES (" + clientId + ", " + teamId
				+ ", " + Recurrence.daysMask(days) + ", '" + start + "', " + minutes + ", 1, '"
				+ validFrom.with(DayOfWeek.MONDAY) + "', 1, " + Math.max(1, carerIds.size()) + ", '" + validFrom
				+ "')");
		for (int slot = 0; slot < carerIds.size(); slot++) {
			this.jdbc.sql("INSERT INTO schedule_entry_carer (schedule_entry_id, slot, carer_id) VALUES (?, ?, ?)")
				.params(id, slot + 1, carerIds.get(slot))
				.update();
		}
		return id;
	}

	/**
	 * A batch that is creating bookings over the range for all teams, as another user's
	 * would be: it blocks starts that overlap it.
	 */
	long creatingBatch(String name, LocalDate from, LocalDate to) {
		return insert("INSERT INTO booking_batch (name, from_date, to_date, status, origin, created_by, created_at,"
				+ " updated_at, heartbeat_at) VALUES ('" + name + "', '" + from + "', '" + to
				+ "', 'CREATING', 'ADMIN', 'coordinator', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
	}

	private long insert(String sql) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(sql).update(keys);
		return keys.getKey().longValue();
	}

}
