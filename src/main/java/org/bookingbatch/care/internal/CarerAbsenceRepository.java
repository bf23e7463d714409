package org.bookingbatch.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bookingbatch.platform.PageParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CarerAbsenceRepository {

	static final int REASON_LENGTH = 500;

	private final JdbcClient jdbc;

	CarerAbsenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long carerId, Instant startsAt, Instant endsAt, String reason) {
		KeyHolder key = new GeneratedKeyHolder();
		int updated = this.jdbc.sql("""
				INSERT INTO carer_absence (carer_id, starts_at, ends_at, reason)
				VALUES (:carerId, :startsAt, :endsAt, :reason)
				""")
			.param("carerId", carerId)
			.param("startsAt", Rows.utc(startsAt))
			.param("endsAt", Rows.utc(endsAt))
			.param("reason", reason)
			.update(key);
		Rows.one(updated, "carer_absence");
		return Objects.requireNonNull(key.getKey()).longValue();
	}

	void delete(long id) {
		Rows.one(this.jdbc.sql("DELETE FROM carer_absence WHERE id = :id").param("id", id).update(), "carer_absence");
	}

	Optional<CarerAbsence> find(long id) {
		return this.jdbc.sql("SELECT * FROM carer_absence WHERE id = :id").param("id", id).query(this::row).optional();
	}

	/** Reads the absence and locks it, so that two deletes cannot race. */
	Optional<CarerAbsence> lock(long id) {
		return this.jdbc.sql("SELECT * FROM carer_absence WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	List<CarerAbsence> findPage(long carerId, PageParams page) {
		return this.jdbc.sql("""
				SELECT * FROM carer_absence WHERE carer_id = :carerId
				ORDER BY starts_at, id LIMIT :limit OFFSET :offset
				""")
			.param("carerId", carerId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list();
	}

	long count(long carerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM carer_absence WHERE carer_id = :carerId")
			.param("carerId", carerId)
			.query(Long.class)
			.single();
	}

	private CarerAbsence row(ResultSet rs, int rowNum) throws SQLException {
		return new CarerAbsence(rs.getLong("id"), rs.getLong("carer_id"), Rows.requiredInstant(rs, "starts_at"),
				Rows.requiredInstant(rs, "ends_at"), rs.getString("reason"));
	}

}
