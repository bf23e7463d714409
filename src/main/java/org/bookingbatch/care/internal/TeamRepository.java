package org.bookingbatch.care.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bookingbatch.platform.PageParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

	static final int NAME_LENGTH = 100;

	private final JdbcClient jdbc;

	TeamRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name) {
		KeyHolder key = new GeneratedKeyHolder();
		int updated = this.jdbc.sql("INSERT INTO team (name) VALUES (:name)").param("name", name).update(key);
		Rows.one(updated, "team");
		return Objects.requireNonNull(key.getKey()).longValue();
	}

	Optional<Team> find(long id) {
		return this.jdbc.sql("SELECT id, name FROM team WHERE id = :id").param("id", id).query(Team.class).optional();
	}

	Optional<Long> findIdByName(String name) {
		return this.jdbc.sql("SELECT id FROM team WHERE name = :name").param("name", name).query(Long.class).optional();
	}

	List<Team> findPage(PageParams page) {
		return this.jdbc.sql("SELECT id, name FROM team ORDER BY id LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Team.class)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM team").query(Long.class).single();
	}

}
