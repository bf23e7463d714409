package org.bookingbatch.platform;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.bookingbatch.care.CareSmokeFlow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations and the reference-data flow on MySQL 8.4 itself. Needs Docker; skipped
 * without it.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MySqlIntegrationTests {

	@Container
	static final MySQLContainer mysql = new MySQLContainer("mysql:8.4").withCommand("--local-infile=1");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", mysql::getJdbcUrl);
		registry.add("spring.datasource.username", mysql::getUsername);
		registry.add("spring.datasource.password", mysql::getPassword);
		registry.add("booking.security.users[0].name", () -> "admin");
		registry.add("booking.security.users[0].password",
				() -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("admin"));
		registry.add("booking.security.users[0].roles[0]", () -> "ADMIN");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectProvider<EmbeddedMariaDb> embedded;

	@Test
	void migrationsApplyAndTheReferenceDataFlowRunsOnMySql() {
		// given
		assertThat(this.embedded.getIfAvailable()).as("no embedded server with an external URL").isNull();
		assertThat(this.jdbc.queryForObject("SELECT VERSION()", String.class)).startsWith("8.4");
		// when
		CareSmokeFlow.Result result = new CareSmokeFlow("http://localhost:" + this.port, "admin", "admin").run();
		// then
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM schedule_entry WHERE id = ?", Integer.class,
				result.scheduleEntryId()))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isZero();
	}

}
