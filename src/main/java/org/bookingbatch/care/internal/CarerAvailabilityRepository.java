package org.bookingbatch.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bookingbatch.platform.PageParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CarerAvailabilityRepository {

	private final JdbcClient jdbc;

	CarerAvailabilityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long carerId, DayOfWeek day, LocalTime start, LocalTime end) {
		KeyHolder key = new GeneratedKeyHolder();
		int updated = this.jdbc.sql("""
				INSERT INTO carer_availability (carer_id, day_of_week, start_time, end_time)
				VALUES (:carerId, :day, :start, :end)
				""")
			.param("carerId", carerId)
			.param("day", day.getValue())
			.param("start", start)
			.param("end", end)
			.update(key);
		Rows.one(updated, "carer_availability");
		return Objects.requireNonNull(key.getKey()).longValue();
	}

	void delete(long id) {
		Rows.one(this.jdbc.sql("DELETE FROM carer_availability WHERE id = :id").param("id", id).update(),
				"carer_availability");
	}

	Optional<CarerAvailability> find(long id) {
		return this.jdbc.sql("SELECT * FROM carer_availability WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	/** Reads the window and locks it, so that two deletes cannot race. */
	Optional<CarerAvailability> lock(long id) {
		return this.jdbc.sql("SELECT * FROM carer_availability WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	List<CarerAvailability> findPage(long carerId, PageParams page) {
		return this.jdbc.sql("""
				SELECT * FROM carer_availability WHERE carer_id = :carerId
				ORDER BY day_of_week, start_time, id LIMIT :limit OFFSET :offset
				""")
			.param("carerId", carerId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list();
	}

	long count(long carerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM carer_availability WHERE carer_id = :carerId")
			.param("carerId", carerId)
			.query(Long.class)
			.single();
	}

	private CarerAvailability row(ResultSet rs, int rowNum) throws SQLException {
		return new CarerAvailability(rs.getLong("id"), rs.getLong("carer_id"), DayOfWeek.of(rs.getInt("day_of_week")),
				Rows.time(rs, "start_time"), Rows.time(rs, "end_time"));
	}

}
