package org.bookingbatch.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Conversions between Java time types and the columns: instants live in UTC DATETIME(6)
 * columns, which keep microseconds.
 */
final class Rows {

	private Rows() {
	}

	static @Nullable LocalDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
				: null;
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
		Instant value = instant(rs, column);
		Assert.state(value != null, () -> column + " is null");
		return value;
	}

	static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	static LocalDate requiredDate(ResultSet rs, String column) throws SQLException {
		LocalDate value = date(rs, column);
		Assert.state(value != null, () -> column + " is null");
		return value;
	}

	static LocalTime time(ResultSet rs, String column) throws SQLException {
		LocalTime value = rs.getObject(column, LocalTime.class);
		Assert.state(value != null, () -> column + " is null");
		return value;
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** Checks that a write touched exactly one row. */
	static void one(int updated, String what) {
		Assert.state(updated == 1, () -> "Expected to write one " + what + " row but wrote " + updated);
	}

}
