package org.bookingbatch.bench;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a phase's time goes in the database: the server's statement digests
 * (performance_schema), summed by statement shape, heaviest first. The benchmark starts
 * the embedded server with the performance schema on and only its statement instruments
 * enabled (the default table, file and lock instruments cost every row operation);
 * without it the profile is empty.
 */
final class StatementProfile {

	private static final String DIGESTS = "performance_schema.events_statements_summary_by_digest";

	private final JdbcTemplate jdbc;

	private final boolean enabled;

	StatementProfile(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.enabled = Boolean.TRUE.equals(jdbc.queryForObject("SELECT @@performance_schema = 1", Boolean.class));
	}

	/** Forgets what was measured so far. */
	void reset() {
		if (this.enabled) {
			this.jdbc.execute("TRUNCATE TABLE " + DIGESTS);
		}
	}

	/**
	 * The statements measured since the last reset, heaviest first, and the database time
	 * of all of them.
	 */
	Snapshot snapshot(int top) {
		if (!this.enabled) {
			return new Snapshot(0, List.of());
		}
		Double total = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(SUM_TIMER_WAIT), 0) / 1e12 FROM " + DIGESTS + " WHERE SCHEMA_NAME = DATABASE()",
				Double.class);
		List<Statement> statements = this.jdbc.query("""
				SELECT DIGEST_TEXT, COUNT_STAR, SUM_TIMER_WAIT / 1e12, SUM_ROWS_AFFECTED + SUM_ROWS_SENT,
				SUM_ROWS_EXAMINED FROM %s WHERE SCHEMA_NAME = DATABASE() ORDER BY SUM_TIMER_WAIT DESC LIMIT ?
				""".formatted(DIGESTS), (rs, row) -> new Statement(shorten(rs.getString(1)), rs.getLong(2),
				rs.getDouble(3), rs.getLong(4), rs.getLong(5)), top);
		return new Snapshot((total != null) ? total : 0, statements);
	}

	private static String shorten(String digest) {
		String text = (digest != null) ? digest.replaceAll("\\s+", " ").replace("`", "").replace("|", "/") : "?";
		return (text.length() > 140) ? text.substring(0, 137) + "..." : text;
	}

	/** A statement shape: how often it ran, its server time and rows. */
	record Statement(String text, long calls, double seconds, long rows, long rowsExamined) {
	}

	/** The database time of a phase and its heaviest statements. */
	record Snapshot(double seconds, List<Statement> statements) {
	}

}
