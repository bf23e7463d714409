package org.bookingbatch.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bookingbatch.platform.PageParams;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CarerRepository {

	static final int NAME_LENGTH = 200;

	private final JdbcClient jdbc;

	CarerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Validated values of a carer. */
	record Values(String name, List<Long> teamIds, boolean active, boolean hasAddress,
			@Nullable LocalDate employmentStart, @Nullable LocalDate employmentFinish) {
	}

	long insert(Values carer, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		int updated = this.jdbc.sql("""
				INSERT INTO carer (name, active, has_address, employment_start, employment_finish, version, updated_at)
				VALUES (:name, :active, :hasAddress, :employmentStart, :employmentFinish, 0, :now)
				""")
			.param("name", carer.name())
			.param("active", carer.active())
			.param("hasAddress", carer.hasAddress())
			.param("employmentStart", carer.employmentStart())
			.param("employmentFinish", carer.employmentFinish())
			.param("now", Rows.utc(now))
			.update(key);
		Rows.one(updated, "carer");
		long id = Objects.requireNonNull(key.getKey()).longValue();
		insertTeams(id, carer.teamIds());
		return id;
	}

	void update(long id, Values carer, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE carer SET name = :name, active = :active, has_address = :hasAddress,
				employment_start = :employmentStart, employment_finish = :employmentFinish,
				version = version + 1, updated_at = :now WHERE id = :id
				""")
			.param("id", id)
			.param("name", carer.name())
			.param("active", carer.active())
			.param("hasAddress", carer.hasAddress())
			.param("employmentStart", carer.employmentStart())
			.param("employmentFinish", carer.employmentFinish())
			.param("now", Rows.utc(now))
			.update();
		Rows.one(updated, "carer");
		this.jdbc.sql("DELETE FROM carer_team WHERE carer_id = :id").param("id", id).update();
		insertTeams(id, carer.teamIds());
	}

	private void insertTeams(long carerId, List<Long> teamIds) {
		for (Long teamId : teamIds) {
			int updated = this.jdbc.sql("INSERT INTO carer_team (carer_id, team_id) VALUES (:carerId, :teamId)")
				.param("carerId", carerId)
				.param("teamId", teamId)
				.update();
			Rows.one(updated, "carer_team");
		}
	}

	/** Locks the carer's row for the rest of the transaction and returns its version. */
	Optional<Long> lockVersion(long id) {
		return this.jdbc.sql("SELECT version FROM carer WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	Optional<Carer> find(long id) {
		return withTeams(this.jdbc.sql("SELECT * FROM carer WHERE id = :id").param("id", id).query(this::row).list())
			.stream()
			.findFirst();
	}

	List<Carer> findPage(@Nullable Long teamId, PageParams page) {
		String sql = "SELECT * FROM carer c" + where(teamId) + " ORDER BY c.id LIMIT :limit OFFSET :offset";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("limit", page.size())
			.param("offset", page.offset());
		if (teamId != null) {
			statement = statement.param("teamId", teamId);
		}
		return withTeams(statement.query(this::row).list());
	}

	long count(@Nullable Long teamId) {
		JdbcClient.StatementSpec statement = this.jdbc.sql("SELECT COUNT(*) FROM carer c" + where(teamId));
		if (teamId != null) {
			statement = statement.param("teamId", teamId);
		}
		return statement.query(Long.class).single();
	}

	private static String where(@Nullable Long teamId) {
		return (teamId != null)
				? " WHERE EXISTS (SELECT 1 FROM carer_team ct WHERE ct.carer_id = c.id AND ct.team_id = :teamId)" : "";
	}

	private Carer row(ResultSet rs, int rowNum) throws SQLException {
		return new Carer(rs.getLong("id"), rs.getString("name"), List.of(), rs.getBoolean("active"),
				rs.getBoolean("has_address"), Rows.date(rs, "employment_start"), Rows.date(rs, "employment_finish"),
				rs.getLong("version"));
	}

	private List<Carer> withTeams(List<Carer> carers) {
		if (carers.isEmpty()) {
			return carers;
		}
		Map<Long, List<Long>> teams = teamsOf(carers.stream().map(Carer::id).toList());
		return carers.stream()
			.map((c) -> new Carer(c.id(), c.name(), teams.getOrDefault(c.id(), List.of()), c.active(), c.hasAddress(),
					c.employmentStart(), c.employmentFinish(), c.version()))
			.toList();
	}

	private Map<Long, List<Long>> teamsOf(Collection<Long> carerIds) {
		Map<Long, List<Long>> teams = new HashMap<>();
		this.jdbc.sql("SELECT carer_id, team_id FROM carer_team WHERE carer_id IN (:ids) ORDER BY carer_id, team_id")
			.param("ids", carerIds)
			.query((rs) -> {
				teams.computeIfAbsent(rs.getLong("carer_id"), (id) -> new ArrayList<>()).add(rs.getLong("team_id"));
			});
		return teams;
	}

}
