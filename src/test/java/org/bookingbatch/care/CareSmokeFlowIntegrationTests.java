package org.bookingbatch.care;

import org.bookingbatch.platform.DatabaseCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareSmokeFlowIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void referenceDataCanBeCreatedReadUpdatedAndDeleted() {
		// given
		CareSmokeFlow flow = new CareSmokeFlow("http://localhost:" + this.port, "admin", "admin");
		// when
		CareSmokeFlow.Result result = flow.run();
		// then
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM schedule_entry_carer WHERE schedule_entry_id = ?",
				Integer.class, result.scheduleEntryId()))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT days_of_week FROM schedule_entry WHERE id = ?", Integer.class,
				result.scheduleEntryId()))
			.as("TUESDAY is bit 1")
			.isEqualTo(0b10);
		assertThat(this.jdbc.queryForObject("SELECT weeks FROM schedule_entry WHERE id = ?", Integer.class,
				result.scheduleEntryId()))
			.as("week 2 is bit 1")
			.isEqualTo(0b10);
	}

	@Test
	void theFlowRunsTwiceOnTheSameDatabase() {
		// given
		CareSmokeFlow flow = new CareSmokeFlow("http://localhost:" + this.port, "admin", "admin");
		flow.run();
		// when
		CareSmokeFlow.Result second = flow.run();
		// then
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM client", Integer.class)).isEqualTo(2);
		assertThat(second.clientId()).isPositive();
	}

}
