package org.bookingbatch.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bookingbatch.platform.PageParams;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SuspensionRepository {

	static final int REASON_LENGTH = 500;

	private final JdbcClient jdbc;

	SuspensionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long clientId, Instant startsAt, @Nullable Instant finishesAt, String reason) {
		KeyHolder key = new GeneratedKeyHolder();
		int updated = this.jdbc.sql("""
				INSERT INTO suspension (client_id, starts_at, finishes_at, reason)
				VALUES (:clientId, :startsAt, :finishesAt, :reason)
				""")
			.param("clientId", clientId)
			.param("startsAt", Rows.utc(startsAt))
			.param("finishesAt", Rows.utc(finishesAt))
			.param("reason", reason)
			.update(key);
		Rows.one(updated, "suspension");
		return Objects.requireNonNull(key.getKey()).longValue();
	}

	void update(long id, Instant startsAt, @Nullable Instant finishesAt, String reason) {
		int updated = this.jdbc.sql("""
				UPDATE suspension SET starts_at = :startsAt, finishes_at = :finishesAt, reason = :reason
				WHERE id = :id
				""")
			.param("id", id)
			.param("startsAt", Rows.utc(startsAt))
			.param("finishesAt", Rows.utc(finishesAt))
			.param("reason", reason)
			.update();
		Rows.one(updated, "suspension");
	}

	Optional<Suspension> find(long id) {
		return this.jdbc.sql("SELECT * FROM suspension WHERE id = :id").param("id", id).query(this::row).optional();
	}

	/** Reads the suspension and locks it for the rest of the transaction. */
	Optional<Suspension> lock(long id) {
		return this.jdbc.sql("SELECT * FROM suspension WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	List<Suspension> findPage(long clientId, PageParams page) {
		return this.jdbc.sql("""
				SELECT * FROM suspension WHERE client_id = :clientId
				ORDER BY starts_at, id LIMIT :limit OFFSET :offset
				""")
			.param("clientId", clientId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list();
	}

	long count(long clientId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM suspension WHERE client_id = :clientId")
			.param("clientId", clientId)
			.query(Long.class)
			.single();
	}

	private Suspension row(ResultSet rs, int rowNum) throws SQLException {
		return new Suspension(rs.getLong("id"), rs.getLong("client_id"), Rows.requiredInstant(rs, "starts_at"),
				Rows.instant(rs, "finishes_at"), rs.getString("reason"));
	}

}
