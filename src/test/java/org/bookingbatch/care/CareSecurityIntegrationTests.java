package org.bookingbatch.care;

import java.util.List;
import java.util.Map;

import org.bookingbatch.platform.DatabaseCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.care.CareApi.json;

/**
 * Reference data is written by ADMIN only and read with VIEW_BOOKINGS; without
 * credentials the API answers 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CareApi admin;

	CareSmokeFlow.Result data;

	Refusals refusals;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.admin = new CareApi("http://localhost:" + this.port, "admin", "admin");
		this.data = new CareSmokeFlow(this.admin.baseUrl(), "admin", "admin").run();
		this.refusals = new Refusals(this.jdbc);
	}

	/** Every write of the care model, as method, path and a body ADMIN may send. */
	private List<Write> writes() {
		CareSmokeFlow.Result d = this.data;
		long availability = new CareFixtures(this.admin).availability(d.carerId());
		long absence = new CareFixtures(this.admin).absence(d.carerId());
		Map<String, Object> client = json("name", "Eve", "teamIds", List.of(d.teamId()));
		Map<String, Object> carer = json("name", "Ian", "teamIds", List.of(d.teamId()));
		Map<String, Object> contract = json("serviceType", "Personal care", "startDate", "2026-04-01");
		Map<String, Object> suspension = json("startsAt", "2026-05-01T00:00:00Z", "reason", "Respite");
		Map<String, Object> entry = CareFixtures.entryBody(d.clientId(), d.teamId());
		return List.of(new Write("POST", "/api/teams", json("name", "South")),
				new Write("POST", "/api/clients", client), new Write("PUT", "/api/clients/" + d.clientId(), client),
				new Write("POST", "/api/clients/" + d.clientId() + "/service-contracts", contract),
				new Write("PUT", "/api/service-contracts/" + d.serviceContractId(), contract),
				new Write("POST", "/api/clients/" + d.clientId() + "/suspensions", suspension),
				new Write("PUT", "/api/suspensions/" + d.suspensionId(), suspension),
				new Write("POST", "/api/carers", carer), new Write("PUT", "/api/carers/" + d.carerId(), carer),
				new Write("POST", "/api/carers/" + d.carerId() + "/availability",
						json("dayOfWeek", "FRIDAY", "startTime", "09:00", "endTime", "10:00")),
				new Write("DELETE", "/api/carer-availability/" + availability, null),
				new Write("POST", "/api/carers/" + d.carerId() + "/absences",
						json("startsAt", "2026-05-01T00:00:00Z", "endsAt", "2026-05-02T00:00:00Z", "reason", "Leave")),
				new Write("DELETE", "/api/carer-absences/" + absence, null),
				new Write("POST", "/api/schedule-entries", entry),
				new Write("PUT", "/api/schedule-entries/" + d.scheduleEntryId(), entry));
	}

	private List<String> reads() {
		CareSmokeFlow.Result d = this.data;
		return List.of("/api/teams", "/api/teams/" + d.teamId(), "/api/clients", "/api/clients/" + d.clientId(),
				"/api/clients/" + d.clientId() + "/service-contracts",
				"/api/service-contracts/" + d.serviceContractId(), "/api/clients/" + d.clientId() + "/suspensions",
				"/api/suspensions/" + d.suspensionId(), "/api/carers", "/api/carers/" + d.carerId(),
				"/api/carers/" + d.carerId() + "/availability", "/api/carers/" + d.carerId() + "/absences",
				"/api/schedule-entries", "/api/schedule-entries/" + d.scheduleEntryId());
	}

	@Test
	void withoutCredentialsEveryCallIsUnauthorized() {
		// given
		CareApi anonymous = this.admin.anonymous();
		List<Write> writes = writes();
		// when / then
		for (Write write : writes) {
			CareApi.Response response = this.refusals.refused(401,
					() -> anonymous.send(write.method(), write.path(), write.body()));
			assertThat(response.json().get("status").intValue()).as(write.toString()).isEqualTo(401);
		}
		for (String path : reads()) {
			assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
		}
	}

	@Test
	void wrongPasswordsAreUnauthorized() {
		// when
		CareApi.Response response = this.admin.as("admin", "wrong").get("/api/clients");
		// then
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void usersWithoutAdminMayNotWrite() {
		// given
		List<Write> writes = writes();
		for (String user : List.of("viewer", "planner", "coordinator")) {
			CareApi api = this.admin.as(user, user);
			for (Write write : writes) {
				// when
				CareApi.Response response = this.refusals.refused(403,
						() -> api.send(write.method(), write.path(), write.body()));
				// then
				assertThat(response.json().get("title").asString()).as("%s %s", user, write).isEqualTo("Forbidden");
			}
		}
	}

	@Test
	void viewerMayReadEverything() {
		// given
		CareApi viewer = this.admin.as("viewer", "viewer");
		// when / then
		for (String path : reads()) {
			CareApi.Response response = viewer.get(path);
			assertThat(response.status()).as("%s -> %s", path, response).isEqualTo(200);
		}
	}

	@Test
	void adminMayWriteEverything() {
		// given
		List<Write> writes = writes();
		// when / then
		for (Write write : writes) {
			CareApi.Response response = this.admin.send(write.method(), write.path(), write.body());
			assertThat(response.status()).as("%s -> %s", write, response).isBetween(200, 204);
		}
	}

	record Write(String method, String path, Object body) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
