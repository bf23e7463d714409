package org.bookingbatch.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void migrationsCreateTheCareModelBookingsAndSpringBatchTables() {
		// when
		Integer tables = this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()
				AND table_name IN ('team', 'client', 'carer', 'schedule_entry', 'booking', 'BATCH_JOB_INSTANCE')
				""", Integer.class);
		// then
		assertThat(tables).isEqualTo(6);
	}

	@Test
	void bookingUniqueKeyIsOnScheduleEntryAndOccurrenceDate() {
		// when
		String columns = this.jdbc.queryForObject("""
				SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index) FROM information_schema.statistics
				WHERE table_schema = DATABASE() AND table_name = 'booking' AND index_name = 'booking_occurrence_uk'
				""", String.class);
		// then
		assertThat(columns).isEqualTo("schedule_entry_id,occurrence_date");
	}

	@Test
	void healthIsOpenAndTheApiNeedsCredentials() throws Exception {
		// when
		HttpResponse<String> health = get("/actuator/health", null);
		HttpResponse<String> anonymous = get("/api/teams", null);
		HttpResponse<String> wrongPassword = get("/api/teams", "viewer:wrong");
		// then
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
	}

	@Test
	void actuatorNeedsAdmin() throws Exception {
		// when
		HttpResponse<String> viewer = get("/actuator/metrics", "viewer:viewer");
		HttpResponse<String> admin = get("/actuator/metrics", "admin:admin");
		// then
		assertThat(viewer.statusCode()).isEqualTo(403);
		assertThat(admin.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (credentials != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
