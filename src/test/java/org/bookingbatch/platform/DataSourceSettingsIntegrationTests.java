package org.bookingbatch.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's statements are prepared on the server and stay prepared on their
 * connection, and a server that prepares no more still answers them; read-only
 * transactions cost the server nothing extra.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataSourceSettingsIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aReadOnlyTransactionIsNotPassedOnToTheServer() {
		// given
		TransactionTemplate readOnly = new TransactionTemplate(this.transactionManager);
		readOnly.setReadOnly(true);
		// when
		Long serverReadOnly = readOnly
			.execute((status) -> this.jdbc.execute((ConnectionCallback<Long>) (connection) -> {
				assertThat(connection.isReadOnly()).isTrue();
				return this.jdbc.queryForObject("SELECT @@SESSION.transaction_read_only", Long.class);
			}));
		// then
		assertThat(serverReadOnly).as("the session's transaction_read_only").isZero();
	}

	@Test
	void aStatementIsPreparedOnTheServerOncePerConnection() {
		// given
		String sql = newStatement();
		// when
		long prepares = this.jdbc.execute((ConnectionCallback<Long>) (connection) -> {
			long before = sessionCounter(connection, "Com_stmt_prepare");
			for (int i = 0; i < 3; i++) {
				assertThat(count(connection, sql)).isGreaterThanOrEqualTo(0);
			}
			return sessionCounter(connection, "Com_stmt_prepare") - before;
		});
		// then
		assertThat(prepares).isEqualTo(1);
	}

	@Test
	void aServerThatPreparesNoMoreStatementsGetsThemAsText() {
		// given
		Integer limit = this.jdbc.queryForObject("SELECT @@GLOBAL.max_prepared_stmt_count", Integer.class);
		this.jdbc.execute("SET GLOBAL max_prepared_stmt_count = 0");
		try {
			// when
			long teams = this.jdbc
				.execute((ConnectionCallback<Long>) (connection) -> count(connection, newStatement()));
			// then
			assertThat(teams).isEqualTo(this.jdbc.queryForObject("SELECT COUNT(*) FROM team", Long.class));
		}
		finally {
			this.jdbc.execute("SET GLOBAL max_prepared_stmt_count = " + limit);
		}
	}

	/** A statement text no connection has prepared yet. */
	private static String newStatement() {
		return "SELECT COUNT(*) FROM team WHERE id > ? /* " + UUID.randomUUID() + " */";
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, 0);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private static long sessionCounter(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SHOW SESSION STATUS LIKE ?")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(2);
			}
		}
	}

}
