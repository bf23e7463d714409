package org.bookingbatch.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
class ClientRepository {

	static final int NAME_LENGTH = 200;

	private final JdbcClient jdbc;

	ClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Validated values of a client. */
	record Values(String name, List<Long> teamIds, boolean active, boolean hasAddress) {
	}

	long insert(Values client, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		int updated = this.jdbc.sql("""
				INSERT INTO client (name, active, has_address, version, updated_at)
				VALUES (:name, :active, :hasAddress, 0, :now)
				""")
			.param("name", client.name())
			.param("active", client.active())
			.param("hasAddress", client.hasAddress())
			.param("now", Rows.utc(now))
			.update(key);
		Rows.one(updated, "client");
		long id = Objects.requireNonNull(key.getKey()).longValue();
		insertTeams(id, client.teamIds());
		return id;
	}

	void update(long id, Values client, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE client SET name = :name, active = :active, has_address = :hasAddress,
				version = version + 1, updated_at = :now WHERE id = :id
				""")
			.param("id", id)
			.param("name", client.name())
			.param("active", client.active())
			.param("hasAddress", client.hasAddress())
			.param("now", Rows.utc(now))
			.update();
		Rows.one(updated, "client");
		this.jdbc.sql("DELETE FROM client_team WHERE client_id = :id").param("id", id).update();
		insertTeams(id, client.teamIds());
	}

	private void insertTeams(long clientId, List<Long> teamIds) {
		for (Long teamId : teamIds) {
			int updated = this.jdbc.sql("INSERT INTO client_team (client_id, team_id) VALUES (:clientId, :teamId)")
				.param("clientId", clientId)
				.param("teamId", teamId)
				.update();
			Rows.one(updated, "client_team");
		}
	}

	/** Locks the client's row for the rest of the transaction and returns its version. */
	Optional<Long> lockVersion(long id) {
		return this.jdbc.sql("SELECT version FROM client WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	Optional<Client> find(long id) {
		return withTeams(this.jdbc.sql("SELECT * FROM client WHERE id = :id").param("id", id).query(this::row).list())
			.stream()
			.findFirst();
	}

	List<Client> findPage(@Nullable Long teamId, PageParams page) {
		String sql = "SELECT * FROM client c" + where(teamId) + " ORDER BY c.id LIMIT :limit OFFSET :offset";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("limit", page.size())
			.param("offset", page.offset());
		if (teamId != null) {
			statement = statement.param("teamId", teamId);
		}
		return withTeams(statement.query(this::row).list());
	}

	long count(@Nullable Long teamId) {
		JdbcClient.StatementSpec statement = this.jdbc.sql("SELECT COUNT(*) FROM client c" + where(teamId));
		if (teamId != null) {
			statement = statement.param("teamId", teamId);
		}
		return statement.query(Long.class).single();
	}

	private static String where(@Nullable Long teamId) {
		return (teamId != null)
				? " WHERE EXISTS (SELECT 1 FROM client_team ct WHERE ct.client_id = c.id AND ct.team_id = :teamId)"
				: "";
	}

	private Client row(ResultSet rs, int rowNum) throws SQLException {
		return new Client(rs.getLong("id"), rs.getString("name"), List.of(), rs.getBoolean("active"),
				rs.getBoolean("has_address"), rs.getLong("version"));
	}

	private List<Client> withTeams(List<Client> clients) {
		if (clients.isEmpty()) {
			return clients;
		}
		Map<Long, List<Long>> teams = teamsOf(clients.stream().map(Client::id).toList());
		return clients.stream()
			.map((c) -> new Client(c.id(), c.name(), teams.getOrDefault(c.id(), List.of()), c.active(), c.hasAddress(),
					c.version()))
			.toList();
	}

	private Map<Long, List<Long>> teamsOf(Collection<Long> clientIds) {
		Map<Long, List<Long>> teams = new HashMap<>();
		this.jdbc
			.sql("SELECT client_id, team_id FROM client_team WHERE client_id IN (:ids) ORDER BY client_id, team_id")
			.param("ids", clientIds)
			.query((rs) -> {
				teams.computeIfAbsent(rs.getLong("client_id"), (id) -> new ArrayList<>()).add(rs.getLong("team_id"));
			});
		return teams;
	}

}
