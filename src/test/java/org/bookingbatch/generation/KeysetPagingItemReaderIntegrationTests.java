package org.bookingbatch.generation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyset reader on the embedded server, over a temporary table of one connection
 * (which also lets the tests count the statements the connection ran): rows 1 to 10, the
 * even ones OPEN, read in pages of three.
 */
class KeysetPagingItemReaderIntegrationTests extends GenerationIntegrationTestSupport {

	@Autowired
	DataSource pool;

	private Connection connection;

	private SingleConnectionDataSource dataSource;

	private JdbcTemplate session;

	@BeforeEach
	void rows() throws SQLException {
		this.connection = this.pool.getConnection();
		this.dataSource = new SingleConnectionDataSource(this.connection, true);
		this.session = new JdbcTemplate(this.dataSource);
		this.session.execute("CREATE TEMPORARY TABLE reader_row (id BIGINT PRIMARY KEY, status VARCHAR(8) NOT NULL)");
		for (int id = 1; id <= 10; id++) {
			this.session.update("INSERT INTO reader_row VALUES (?, ?)", id, (id % 2 == 0) ? "OPEN" : "DONE");
		}
	}

	@AfterEach
	void dropRows() throws SQLException {
		this.session.execute("DROP TEMPORARY TABLE reader_row");
		this.connection.close();
	}

	@Test
	void readsTheMatchingRowsInPagesByIdUntilTheyRunOut() throws Exception {
		KeysetPagingItemReader<Long> reader = openReader(3, new ExecutionContext());
		assertThat(readAll(reader)).containsExactly(2L, 4L, 6L, 8L, 10L);
		assertThat(reader.read()).isNull();
	}

	@Test
	void aResumedReaderContinuesAfterTheLastRowItReturned() throws Exception {
		KeysetPagingItemReader<Long> reader = openReader(3, new ExecutionContext());
		assertThat(List.of(reader.read(), reader.read())).containsExactly(2L, 4L);
		ExecutionContext saved = new ExecutionContext();
		reader.update(saved);
		reader.close();
		// the writer moved the rows it read out of the filter, and the step resumes with
		// another chunk size: the position is still right after row 4
		this.session.update("UPDATE reader_row SET status = 'DONE' WHERE id <= 4");
		assertThat(readAll(openReader(2, saved))).containsExactly(6L, 8L, 10L);
	}

	@Test
	void aPositionSavedByJdbcPagingItemReaderStillResumes() throws Exception {
		ExecutionContext saved = new ExecutionContext();
		saved.put("rows.start.after", new LinkedHashMap<>(Map.of("id", 6)));
		saved.putInt("rows.read.count", 3);
		assertThat(readAll(openReader(3, saved))).containsExactly(8L, 10L);
	}

	@Test
	void aReaderThatSavesNoStateStartsOver() throws Exception {
		KeysetPagingItemReader<Long> reader = openReader(3, new ExecutionContext());
		reader.read();
		ExecutionContext saved = new ExecutionContext();
		reader.update(saved);
		KeysetPagingItemReader<Long> again = reader("rows", 3);
		again.setSaveState(false);
		again.open(saved);
		assertThat(readAll(again)).containsExactly(2L, 4L, 6L, 8L, 10L);
	}

	@Test
	void pagesAreReadWithoutSettingTheSessionsRowLimit() throws Exception {
		KeysetPagingItemReader<Long> reader = openReader(2, new ExecutionContext());
		long setsBefore = setStatements();
		List<Long> read = new ArrayList<>();
		for (Long id = reader.read(); id != null; id = reader.read()) {
			read.add(id);
			// another statement on the connection between pages, as a chunk's writer runs
			this.session.queryForObject("SELECT COUNT(*) FROM reader_row", Integer.class);
		}
		assertThat(read).containsExactly(2L, 4L, 6L, 8L, 10L);
		assertThat(setStatements() - setsBefore).isZero();
	}

	private long setStatements() {
		return this.session.queryForObject(
				"SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'COM_SET_OPTION'",
				Long.class);
	}

	private KeysetPagingItemReader<Long> openReader(int pageSize, ExecutionContext context) {
		KeysetPagingItemReader<Long> reader = reader("rows", pageSize);
		reader.open(context);
		return reader;
	}

	private KeysetPagingItemReader<Long> reader(String name, int pageSize) {
		return new KeysetPagingItemReader<>(name, JdbcClient.create(this.dataSource), "r.id", "reader_row r",
				"r.status = :status", Map.of("status", "OPEN"), pageSize, (rs, row) -> rs.getLong("id"));
	}

	private static List<Long> readAll(KeysetPagingItemReader<Long> reader) throws Exception {
		List<Long> ids = new ArrayList<>();
		for (Long id = reader.read(); id != null; id = reader.read()) {
			ids.add(id);
		}
		return ids;
	}

}
