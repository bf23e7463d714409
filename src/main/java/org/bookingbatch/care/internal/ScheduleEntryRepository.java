package org.bookingbatch.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bookingbatch.care.ScheduleEntry;
import org.bookingbatch.platform.PageParams;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ScheduleEntryRepository {

	private final JdbcClient jdbc;

	ScheduleEntryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Validated values of a schedule entry, defaults applied. */
	record Values(long clientId, long teamId, Set<DayOfWeek> daysOfWeek, LocalTime startTime, int durationMinutes,
			int cycleWeeks, LocalDate cycleStart, Set<Integer> weeks, int carersRequired, List<Long> carerIds,
			@Nullable Long serviceContractId, LocalDate validFrom, @Nullable LocalDate validTo) {
	}

	long insert(Values entry, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		int updated = this.jdbc.sql("""
				INSERT INTO schedule_entry (client_id, team_id, days_of_week, start_time, duration_minutes,
				cycle_weeks, cycle_start, weeks, carers_required, service_contract_id, valid_from, valid_to,
				version, updated_at)
				VALUES (:clientId, :teamId, :days, :startTime, :duration, :cycleWeeks, :cycleStart, :weeks,
				:carersRequired, :contractId, :validFrom, :validTo, 0, :now)
				""").params(parameters(entry, now)).update(key);
		Rows.one(updated, "schedule_entry");
		long id = Objects.requireNonNull(key.getKey()).longValue();
		insertCarers(id, entry.carerIds());
		return id;
	}

	void update(long id, Values entry, Instant now) {
		Map<String, @Nullable Object> parameters = parameters(entry, now);
		parameters.put("id", id);
		int updated = this.jdbc.sql("""
				UPDATE schedule_entry SET client_id = :clientId, team_id = :teamId, days_of_week = :days,
				start_time = :startTime, duration_minutes = :duration, cycle_weeks = :cycleWeeks,
				cycle_start = :cycleStart, weeks = :weeks, carers_required = :carersRequired,
				service_contract_id = :contractId, valid_from = :validFrom, valid_to = :validTo,
				version = version + 1, updated_at = :now
				WHERE id = :id
				""").params(parameters).update();
		Rows.one(updated, "schedule_entry");
		this.jdbc.sql("DELETE FROM schedule_entry_carer WHERE schedule_entry_id = :id").param("id", id).update();
		insertCarers(id, entry.carerIds());
	}

	private static Map<String, @Nullable Object> parameters(Values entry, Instant now) {
		Map<String, @Nullable Object> parameters = new HashMap<>();
		parameters.put("clientId", entry.clientId());
		parameters.put("teamId", entry.teamId());
		parameters.put("days", ScheduleBits.ofDays(entry.daysOfWeek()));
		parameters.put("startTime", entry.startTime());
		parameters.put("duration", entry.durationMinutes());
		parameters.put("cycleWeeks", entry.cycleWeeks());
		parameters.put("cycleStart", entry.cycleStart());
		parameters.put("weeks", ScheduleBits.ofWeeks(entry.weeks()));
		parameters.put("carersRequired", entry.carersRequired());
		parameters.put("contractId", entry.serviceContractId());
		parameters.put("validFrom", entry.validFrom());
		parameters.put("validTo", entry.validTo());
		parameters.put("now", Rows.utc(now));
		return parameters;
	}

	/** Slots are numbered from 1 in the order the carers were given. */
	private void insertCarers(long entryId, List<Long> carerIds) {
		int slot = 1;
		for (Long carerId : carerIds) {
			int updated = this.jdbc.sql("""
					INSERT INTO schedule_entry_carer (schedule_entry_id, slot, carer_id)
					VALUES (:entryId, :slot, :carerId)
					""").param("entryId", entryId).param("slot", slot++).param("carerId", carerId).update();
			Rows.one(updated, "schedule_entry_carer");
		}
	}

	Optional<ScheduleEntry> find(long id) {
		return withCarers(
				this.jdbc.sql("SELECT * FROM schedule_entry WHERE id = :id").param("id", id).query(this::row).list())
			.stream()
			.findFirst();
	}

	/** Reads the entry and locks its row for the rest of the transaction. */
	Optional<ScheduleEntry> lock(long id) {
		return withCarers(this.jdbc.sql("SELECT * FROM schedule_entry WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::row)
			.list()).stream().findFirst();
	}

	List<ScheduleEntry> findPage(@Nullable Long clientId, @Nullable Long teamId, PageParams page) {
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("SELECT * FROM schedule_entry" + where(clientId, teamId) + " ORDER BY id LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset());
		return withCarers(filter(statement, clientId, teamId).query(this::row).list());
	}

	long count(@Nullable Long clientId, @Nullable Long teamId) {
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("SELECT COUNT(*) FROM schedule_entry" + where(clientId, teamId));
		return filter(statement, clientId, teamId).query(Long.class).single();
	}

	private static String where(@Nullable Long clientId, @Nullable Long teamId) {
		List<String> conditions = new ArrayList<>();
		if (clientId != null) {
			conditions.add("client_id = :clientId");
		}
		if (teamId != null) {
			conditions.add("team_id = :teamId");
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static JdbcClient.StatementSpec filter(JdbcClient.StatementSpec statement, @Nullable Long clientId,
			@Nullable Long teamId) {
		JdbcClient.StatementSpec filtered = statement;
		if (clientId != null) {
			filtered = filtered.param("clientId", clientId);
		}
		if (teamId != null) {
			filtered = filtered.param("teamId", teamId);
		}
		return filtered;
	}

	private ScheduleEntry row(ResultSet rs, int rowNum) throws SQLException {
		return new ScheduleEntry(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("team_id"),
				ScheduleBits.days(rs.getInt("days_of_week")), Rows.time(rs, "start_time"),
				rs.getInt("duration_minutes"), rs.getInt("cycle_weeks"), Rows.requiredDate(rs, "cycle_start"),
				ScheduleBits.weeks(rs.getInt("weeks")), rs.getInt("carers_required"), List.of(),
				Rows.nullableLong(rs, "service_contract_id"), Rows.requiredDate(rs, "valid_from"),
				Rows.date(rs, "valid_to"), rs.getLong("version"));
	}

	private List<ScheduleEntry> withCarers(List<ScheduleEntry> entries) {
		if (entries.isEmpty()) {
			return entries;
		}
		Map<Long, List<Long>> carers = carersOf(entries.stream().map(ScheduleEntry::id).toList());
		return entries.stream()
			.map((e) -> new ScheduleEntry(e.id(), e.clientId(), e.teamId(), e.daysOfWeek(), e.startTime(),
					e.durationMinutes(), e.cycleWeeks(), e.cycleStart(), e.weeks(), e.carersRequired(),
					List.copyOf(carers.getOrDefault(e.id(), List.of())), e.serviceContractId(), e.validFrom(),
					e.validTo(), e.version()))
			.toList();
	}

	private Map<Long, List<Long>> carersOf(Collection<Long> entryIds) {
		Map<Long, List<Long>> carers = new HashMap<>();
		this.jdbc.sql("""
				SELECT schedule_entry_id, carer_id FROM schedule_entry_carer
				WHERE schedule_entry_id IN (:ids) ORDER BY schedule_entry_id, slot
				""").param("ids", entryIds).query((rs) -> {
			carers.computeIfAbsent(rs.getLong("schedule_entry_id"), (id) -> new ArrayList<>())
				.add(rs.getLong("carer_id"));
		});
		return carers;
	}

}
