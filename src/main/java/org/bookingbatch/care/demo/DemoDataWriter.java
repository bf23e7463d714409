package org.bookingbatch.care.demo;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bookingbatch.care.demo.DemoPlan.Carer;
import org.bookingbatch.care.demo.DemoPlan.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * Writes a planned provider with JDBC batches of a thousand rows, which the connection
 * rewrites into multi-row inserts: the {@code large} scale's eighty thousand rows load in
 * a few seconds.
 */
final class DemoDataWriter {

	private static final Logger log = LoggerFactory.getLogger(DemoDataWriter.class);

	private static final int BATCH_SIZE = 1_000;

	private final JdbcTemplate jdbc;

	DemoDataWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void write(DemoPlan plan) {
		insert("INSERT INTO team (id, name) VALUES (?, ?)", plan.teams, (ps, team) -> {
			ps.setLong(1, team.id());
			ps.setString(2, team.name());
		});
		insert("INSERT INTO client (id, name, active, has_address) VALUES (?, ?, TRUE, TRUE)", plan.clients,
				(ps, client) -> {
					ps.setLong(1, client.id());
					ps.setString(2, client.name());
				});
		insert("INSERT INTO client_team (client_id, team_id) VALUES (?, ?)", plan.clients, (ps, client) -> {
			ps.setLong(1, client.id());
			ps.setLong(2, client.teamId());
		});
		insert("""
				INSERT INTO carer (id, name, active, has_address, employment_start, employment_finish)
				VALUES (?, ?, TRUE, TRUE, ?, NULL)
				""", plan.carers, (ps, carer) -> {
			ps.setLong(1, carer.id());
			ps.setString(2, carer.name());
			ps.setObject(3, carer.employmentStart());
		});
		insert("INSERT INTO carer_team (carer_id, team_id) VALUES (?, ?)", carerTeams(plan.carers), (ps, row) -> {
			ps.setLong(1, row[0]);
			ps.setLong(2, row[1]);
		});
		insert("INSERT INTO carer_availability (carer_id, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?)",
				plan.availability, (ps, window) -> {
					ps.setLong(1, window.carerId());
					ps.setInt(2, window.isoDay());
					ps.setObject(3, window.start());
					ps.setObject(4, window.end());
				});
		insert("INSERT INTO carer_absence (carer_id, starts_at, ends_at, reason) VALUES (?, ?, ?, ?)", plan.absences,
				(ps, absence) -> {
					ps.setLong(1, absence.carerId());
					ps.setObject(2, utc(absence.startsAt()));
					ps.setObject(3, utc(absence.endsAt()));
					ps.setString(4, absence.reason());
				});
		insert("""
				INSERT INTO service_contract (id, client_id, service_type, start_date, finish_date)
				VALUES (?, ?, ?, ?, ?)
				""", plan.contracts, (ps, contract) -> {
			ps.setLong(1, contract.id());
			ps.setLong(2, contract.clientId());
			ps.setString(3, contract.serviceType());
			ps.setObject(4, contract.startDate());
			if (contract.finishDate() != null) {
				ps.setObject(5, contract.finishDate());
			}
			else {
				ps.setNull(5, Types.DATE);
			}
		});
		insert("INSERT INTO suspension (client_id, starts_at, finishes_at, reason) VALUES (?, ?, ?, ?)",
				plan.suspensions, (ps, suspension) -> {
					ps.setLong(1, suspension.clientId());
					ps.setObject(2, utc(suspension.startsAt()));
					ps.setObject(3, utc(suspension.finishesAt()));
					ps.setString(4, suspension.reason());
				});
		insert("""
				INSERT INTO schedule_entry (id, client_id, team_id, days_of_week, start_time, duration_minutes,
					cycle_weeks, cycle_start, weeks, carers_required, service_contract_id, valid_from, valid_to)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
				""", plan.entries, DemoDataWriter::setEntry);
		insert("INSERT INTO schedule_entry_carer (schedule_entry_id, slot, carer_id) VALUES (?, ?, ?)",
				entryCarers(plan.entries), (ps, row) -> {
					ps.setLong(1, row[0]);
					ps.setLong(2, row[1]);
					ps.setLong(3, row[2]);
				});
	}

	private static void setEntry(PreparedStatement ps, Entry entry) throws SQLException {
		ps.setLong(1, entry.id());
		ps.setLong(2, entry.clientId());
		ps.setLong(3, entry.teamId());
		ps.setInt(4, entry.days());
		ps.setObject(5, entry.startTime());
		ps.setInt(6, entry.durationMinutes());
		ps.setInt(7, entry.cycleWeeks());
		ps.setObject(8, entry.cycleStart());
		ps.setInt(9, entry.weeks());
		ps.setInt(10, entry.carersRequired());
		ps.setLong(11, entry.contractId());
		ps.setObject(12, entry.validFrom());
	}

	private <T> void insert(String sql, Collection<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
		if (!rows.isEmpty()) {
			long started = System.nanoTime();
			this.jdbc.batchUpdate(sql, rows, BATCH_SIZE, setter);
			log.debug("{} rows in {} ms: {}", rows.size(), (System.nanoTime() - started) / 1_000_000,
					sql.substring(0, sql.indexOf('(')).trim());
		}
	}

	private static List<long[]> carerTeams(List<Carer> carers) {
		List<long[]> rows = new ArrayList<>();
		for (Carer carer : carers) {
			for (long teamId : carer.teamIds()) {
				rows.add(new long[] { carer.id(), teamId });
			}
		}
		return rows;
	}

	/** Slots are numbered from 1 in allocation order. */
	private static List<long[]> entryCarers(List<Entry> entries) {
		List<long[]> rows = new ArrayList<>();
		for (Entry entry : entries) {
			for (int slot = 0; slot < entry.carerIds().size(); slot++) {
				rows.add(new long[] { entry.id(), slot + 1L, entry.carerIds().get(slot) });
			}
		}
		return rows;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
