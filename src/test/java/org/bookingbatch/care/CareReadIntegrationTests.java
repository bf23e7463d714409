package org.bookingbatch.care;

import java.sql.Timestamp;
import java.util.List;

import org.bookingbatch.platform.DatabaseCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.care.CareApi.json;
import static org.bookingbatch.care.CareApi.with;

/**
 * Lists (paging, filters, whitelisted parameters), single items, unknown ids, and what an
 * update does to version and updated_at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareReadIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CareApi api;

	CareFixtures given;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new CareApi("http://localhost:" + this.port, "admin", "admin");
		this.given = new CareFixtures(this.api);
	}

	@Test
	void listsArePagesInIdOrder() {
		// given
		long north = this.given.team("North");
		long a = this.given.client("A", north);
		long b = this.given.client("B", north);
		long c = this.given.client("C", north);
		// when
		JsonNode first = this.api.get("/api/clients?size=2").json();
		JsonNode second = this.api.get("/api/clients?size=2&page=1").json();
		JsonNode beyond = this.api.get("/api/clients?size=2&page=5").json();
		// then
		assertThat(ids(first)).containsExactly(a, b);
		assertThat(first.get("page").intValue()).isZero();
		assertThat(first.get("size").intValue()).isEqualTo(2);
		assertThat(first.get("totalElements").longValue()).isEqualTo(3);
		assertThat(first.get("totalPages").intValue()).isEqualTo(2);
		assertThat(ids(second)).containsExactly(c);
		assertThat(ids(beyond)).isEmpty();
		assertThat(beyond.get("totalElements").longValue()).isEqualTo(3);
	}

	@Test
	void theDefaultPageHoldsFifty() {
		// given
		this.given.team("North");
		// when
		JsonNode page = this.api.get("/api/teams").json();
		// then
		assertThat(page.get("page").intValue()).isZero();
		assertThat(page.get("size").intValue()).isEqualTo(50);
		assertThat(page.get("totalElements").longValue()).isEqualTo(1);
		assertThat(page.get("totalPages").intValue()).isEqualTo(1);
	}

	@Test
	void clientsAndCarersAreFilteredByTeam() {
		// given
		long north = this.given.team("North");
		long south = this.given.team("South");
		long northClient = this.given.client("A", north);
		long bothClient = this.given.client("B", north, south);
		this.given.client("C", south);
		long northCarer = this.given.carer("D", north);
		this.given.carer("E", south);
		// when
		JsonNode clients = this.api.get("/api/clients?teamId=" + north).json();
		JsonNode carers = this.api.get("/api/carers?teamId=" + north).json();
		JsonNode noTeam = this.api.get("/api/clients?teamId=999").json();
		// then
		assertThat(ids(clients)).containsExactly(northClient, bothClient);
		assertThat(clients.get("totalElements").longValue()).isEqualTo(2);
		assertThat(clients.get("content").get(1).get("teamIds").toString()).isEqualTo("[" + north + "," + south + "]");
		assertThat(ids(carers)).containsExactly(northCarer);
		assertThat(ids(noTeam)).isEmpty();
	}

	@Test
	void scheduleEntriesAreFilteredByClientAndTeam() {
		// given
		long north = this.given.team("North");
		long south = this.given.team("South");
		long bob = this.given.client("Bob", north, south);
		long eve = this.given.client("Eve", north);
		long bobNorth = this.given.entry(CareFixtures.entryBody(bob, north));
		long bobSouth = this.given.entry(CareFixtures.entryBody(bob, south));
		long eveNorth = this.given.entry(CareFixtures.entryBody(eve, north));
		// when
		JsonNode ofBob = this.api.get("/api/schedule-entries?clientId=" + bob).json();
		JsonNode ofNorth = this.api.get("/api/schedule-entries?teamId=" + north).json();
		JsonNode ofBobInNorth = this.api.get("/api/schedule-entries?clientId=" + bob + "&teamId=" + north).json();
		JsonNode all = this.api.get("/api/schedule-entries").json();
		// then
		assertThat(ids(ofBob)).containsExactly(bobNorth, bobSouth);
		assertThat(ids(ofNorth)).containsExactly(bobNorth, eveNorth);
		assertThat(ids(ofBobInNorth)).containsExactly(bobNorth);
		assertThat(all.get("totalElements").longValue()).isEqualTo(3);
	}

	@Test
	void unknownAndInvalidQueryParametersAreRefused() {
		// when
		CareApi.Response unknown = this.api.get("/api/schedule-entries?clientId=1&carerId=2");
		CareApi.Response typo = this.api.get("/api/clients?team=1");
		CareApi.Response notANumber = this.api.get("/api/carers?teamId=north");
		CareApi.Response badPage = this.api.get("/api/teams?page=-1&size=501");
		CareApi.Response unknownOnSubList = this.api.get("/api/carers/1/absences?from=2026-04-01");
		// then
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.fieldErrors()).containsOnlyKeys("carerId");
		assertThat(typo.fieldErrors()).containsOnlyKeys("team");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.fieldErrors()).containsOnlyKeys("teamId");
		assertThat(badPage.fieldErrors()).containsOnlyKeys("page", "size");
		assertThat(unknownOnSubList.fieldErrors()).containsOnlyKeys("from");
	}

	@Test
	void subListsAreOrderedAndBelongToTheirOwner() {
		// given
		long north = this.given.team("North");
		long ann = this.given.carer("Ann", north);
		long ian = this.given.carer("Ian", north);
		long tuesday = created("/api/carers/" + ann + "/availability",
				json("dayOfWeek", "TUESDAY", "startTime", "08:00", "endTime", "12:00"));
		long mondayLate = created("/api/carers/" + ann + "/availability",
				json("dayOfWeek", "MONDAY", "startTime", "13:00", "endTime", "17:00"));
		long mondayEarly = created("/api/carers/" + ann + "/availability",
				json("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "12:00"));
		this.given.availability(ian);
		// when
		JsonNode windows = this.api.get("/api/carers/" + ann + "/availability").json();
		// then
		assertThat(ids(windows)).containsExactly(mondayEarly, mondayLate, tuesday);
	}

	@Test
	void unknownIdsInThePathAreNotFound() {
		// when
		List<String> paths = List.of("/api/teams/9", "/api/clients/9", "/api/clients/9/service-contracts",
				"/api/clients/9/suspensions", "/api/service-contracts/9", "/api/suspensions/9", "/api/carers/9",
				"/api/carers/9/availability", "/api/carers/9/absences", "/api/carer-availability/9",
				"/api/carer-absences/9", "/api/schedule-entries/9");
		// then
		for (String path : paths) {
			CareApi.Response response = this.api.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
		}
	}

	@Test
	void updatesIncrementTheVersionAndSetUpdatedAt() {
		// given
		long north = this.given.team("North");
		long client = this.given.client("Bob", north);
		long carer = this.given.carer("Ann", north);
		long entry = this.given.entry(CareFixtures.entryBody(client, north));
		Timestamp clientBefore = updatedAt("client", client);
		Timestamp carerBefore = updatedAt("carer", carer);
		Timestamp entryBefore = updatedAt("schedule_entry", entry);
		// when
		JsonNode updatedClient = this.api
			.put("/api/clients/" + client, json("name", "Robert", "teamIds", List.of(north)))
			.json();
		this.api.put("/api/clients/" + client, json("name", "Rob", "teamIds", List.of(north)));
		JsonNode updatedCarer = this.api
			.put("/api/carers/" + carer, json("name", "Ann", "teamIds", List.of(north), "active", false))
			.json();
		JsonNode updatedEntry = this.api
			.put("/api/schedule-entries/" + entry, with(CareFixtures.entryBody(client, north), "durationMinutes", 60))
			.json();
		// then
		assertThat(updatedClient.get("version").longValue()).isEqualTo(1);
		assertThat(this.api.get("/api/clients/" + client).json().get("version").longValue()).isEqualTo(2);
		assertThat(updatedCarer.get("version").longValue()).isEqualTo(1);
		assertThat(updatedCarer.get("active").asBoolean()).isFalse();
		assertThat(updatedEntry.get("version").longValue()).isEqualTo(1);
		assertThat(updatedAt("client", client)).isAfter(clientBefore);
		assertThat(updatedAt("carer", carer)).isAfter(carerBefore);
		assertThat(updatedAt("schedule_entry", entry)).isAfter(entryBefore);
	}

	@Test
	void aClientsTeamsAreReplacedOnUpdate() {
		// given
		long north = this.given.team("North");
		long south = this.given.team("South");
		long client = this.given.client("Bob", north);
		// when
		CareApi.Response response = this.api.put("/api/clients/" + client,
				json("name", "Bob", "teamIds", List.of(south)));
		// then
		assertThat(response.json().get("teamIds").toString()).isEqualTo("[" + south + "]");
		assertThat(this.jdbc.queryForList("SELECT team_id FROM client_team WHERE client_id = ?", Long.class, client))
			.containsExactly(south);
	}

	private long created(String path, Object body) {
		CareApi.Response response = this.api.post(path, body);
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		return response.id();
	}

	private Timestamp updatedAt(String table, long id) {
		return this.jdbc.queryForObject("SELECT updated_at FROM " + table + " WHERE id = ?", Timestamp.class, id);
	}

	private static List<Long> ids(JsonNode page) {
		return page.get("content").valueStream().map((item) -> item.get("id").longValue()).toList();
	}

}
