package org.bookingbatch.platform;

import java.sql.Statement;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the domain tables between integration tests that share the one embedded server
 * of the test JVM.
 */
public final class DatabaseCleaner {

	private DatabaseCleaner() {
	}

	public static void clean(JdbcTemplate jdbc) {
		List<String> tables = jdbc.queryForList("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
				AND table_name NOT IN ('flyway_schema_history')
				AND BINARY table_name NOT LIKE 'BATCH\\_%'
				""", String.class);
		// on one connection: the foreign key checks are off for its session only
		jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET FOREIGN_KEY_CHECKS = 0");
				try {
					for (String table : tables) {
						statement.execute("DELETE FROM `" + table + "`");
					}
				}
				finally {
					statement.execute("SET FOREIGN_KEY_CHECKS = 1");
				}
			}
			return null;
		});
	}

}
