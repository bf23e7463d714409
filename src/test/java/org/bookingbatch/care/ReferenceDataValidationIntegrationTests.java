package org.bookingbatch.care;

import java.util.Arrays;
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
import static org.assertj.core.api.Assertions.entry;
import static org.bookingbatch.care.CareApi.json;

/**
 * The field rules of teams, clients, service contracts, suspensions, carers, availability
 * and absences: every broken rule is listed in one 400 and nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceDataValidationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CareApi api;

	CareFixtures given;

	Refusals refusals;

	long team;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new CareApi("http://localhost:" + this.port, "admin", "admin");
		this.given = new CareFixtures(this.api);
		this.refusals = new Refusals(this.jdbc);
		this.team = this.given.team("North");
	}

	// Teams

	@Test
	void teamNameIsRequired() {
		// when
		Map<String, String> errors = this.refusals.fieldErrors(() -> this.api.post("/api/teams", json()));
		// then
		assertThat(errors).containsExactly(entry("name", "must not be blank"));
	}

	@Test
	void teamNameFitsItsColumn() {
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/teams", json("name", "x".repeat(101))));
		CareApi.Response longest = this.api.post("/api/teams", json("name", "x".repeat(100)));
		// then
		assertThat(errors).containsExactly(entry("name", "must be at most 100 characters long"));
		assertThat(longest.status()).isEqualTo(201);
	}

	@Test
	void teamNameIsUnique() {
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/teams", json("name", "North")));
		// then
		assertThat(errors).containsExactly(entry("name", "is already the name of team " + this.team));
	}

	// Clients

	@Test
	void clientListsEveryInvalidFieldAtOnce() {
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/clients", json("name", "  ", "teamIds", Arrays.asList(999, null))));
		// then
		assertThat(errors).containsExactly(entry("name", "must not be blank"),
				entry("teamIds[0]", "team 999 does not exist"), entry("teamIds[1]", "must not be null"));
	}

	@Test
	void clientNameIsRequired() {
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/clients", json("teamIds", List.of(this.team))));
		// then
		assertThat(errors).containsExactly(entry("name", "must not be blank"));
	}

	@Test
	void clientNameFitsItsColumn() {
		// when
		Map<String, String> errors = this.refusals.fieldErrors(
				() -> this.api.post("/api/clients", json("name", "x".repeat(201), "teamIds", List.of(this.team))));
		CareApi.Response longest = this.api.post("/api/clients",
				json("name", "x".repeat(200), "teamIds", List.of(this.team)));
		// then
		assertThat(errors).containsExactly(entry("name", "must be at most 200 characters long"));
		assertThat(longest.status()).isEqualTo(201);
	}

	@Test
	void clientNeedsAtLeastOneTeam() {
		// when
		Map<String, String> missing = this.refusals
			.fieldErrors(() -> this.api.post("/api/clients", json("name", "Bob Cox")));
		Map<String, String> empty = this.refusals
			.fieldErrors(() -> this.api.post("/api/clients", json("name", "Bob Cox", "teamIds", List.of())));
		// then
		assertThat(missing).containsExactly(entry("teamIds", "must name at least one team"));
		assertThat(empty).containsExactly(entry("teamIds", "must name at least one team"));
	}

	@Test
	void clientTeamsMustExist() {
		// when
		Map<String, String> errors = this.refusals.fieldErrors(
				() -> this.api.post("/api/clients", json("name", "Bob Cox", "teamIds", List.of(this.team, 999))));
		// then
		assertThat(errors).containsExactly(entry("teamIds[1]", "team 999 does not exist"));
	}

	@Test
	void clientUpdateIsValidatedLikeACreate() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.put("/api/clients/" + client, json("name", "", "teamIds", List.of())));
		// then
		assertThat(errors).containsOnlyKeys("name", "teamIds");
		assertThat(this.api.get("/api/clients/" + client).json().get("version").longValue()).isZero();
	}

	@Test
	void updatingAnUnknownClientIsNotFoundEvenWithAnInvalidBody() {
		// when
		CareApi.Response response = this.refusals.refused(404, () -> this.api.put("/api/clients/999", json()));
		// then
		assertThat(response.json().get("detail").asString()).isEqualTo("Client 999 does not exist");
	}

	@Test
	void updatingAClientFromAnOldVersionIsAConflict() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		this.api.put("/api/clients/" + client, json("name", "Bob", "teamIds", List.of(this.team), "version", 0));
		// when
		CareApi.Response response = this.refusals.refused(409, () -> this.api.put("/api/clients/" + client,
				json("name", "Robert", "teamIds", List.of(this.team), "version", 0)));
		// then
		assertThat(response.json().get("status").intValue()).isEqualTo(409);
		assertThat(this.api.get("/api/clients/" + client).json().get("name").asString()).isEqualTo("Bob");
	}

	@Test
	void clientDefaultsToActiveWithAnAddress() {
		// when
		CareApi.Response response = this.api.post("/api/clients",
				json("name", "Bob Cox", "teamIds", List.of(this.team, this.team), "active", null, "hasAddress", null));
		// then
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("active").asBoolean()).isTrue();
		assertThat(response.json().get("hasAddress").asBoolean()).isTrue();
		assertThat(response.json().get("teamIds").toString()).isEqualTo("[" + this.team + "]");
	}

	// Service contracts

	@Test
	void contractListsEveryInvalidFieldAtOnce() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/clients/" + client + "/service-contracts", json()));
		// then
		assertThat(errors).containsExactly(entry("serviceType", "must not be blank"),
				entry("startDate", "is required"));
	}

	@Test
	void contractServiceTypeFitsItsColumn() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/clients/" + client + "/service-contracts",
					json("serviceType", "x".repeat(101), "startDate", "2026-04-01")));
		// then
		assertThat(errors).containsExactly(entry("serviceType", "must be at most 100 characters long"));
	}

	@Test
	void contractFinishDateIsNotBeforeItsStartDate() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		String path = "/api/clients/" + client + "/service-contracts";
		// when
		Map<String, String> errors = this.refusals.fieldErrors(() -> this.api.post(path,
				json("serviceType", "Personal care", "startDate", "2026-04-01", "finishDate", "2026-03-31")));
		CareApi.Response oneDay = this.api.post(path,
				json("serviceType", "Personal care", "startDate", "2026-04-01", "finishDate", "2026-04-01"));
		// then
		assertThat(errors).containsExactly(entry("finishDate", "must not be before startDate"));
		assertThat(oneDay.status()).isEqualTo(201);
	}

	@Test
	void contractUpdateIsValidatedAndUnknownContractsAreNotFound() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		long contract = this.given.contract(client);
		// when
		Map<String, String> errors = this.refusals.fieldErrors(() -> this.api.put("/api/service-contracts/" + contract,
				json("serviceType", "Personal care", "startDate", "2026-04-01", "finishDate", "2026-01-01")));
		CareApi.Response unknown = this.refusals.refused(404, () -> this.api.put("/api/service-contracts/999",
				json("serviceType", "Personal care", "startDate", "2026-04-01")));
		// then
		assertThat(errors).containsExactly(entry("finishDate", "must not be before startDate"));
		assertThat(unknown.json().get("detail").asString()).isEqualTo("Service contract 999 does not exist");
	}

	@Test
	void contractOfAnUnknownClientIsNotFound() {
		// when
		CareApi.Response response = this.refusals.refused(404, () -> this.api.post("/api/clients/999/service-contracts",
				json("serviceType", "Personal care", "startDate", "2026-04-01")));
		// then
		assertThat(response.json().get("detail").asString()).isEqualTo("Client 999 does not exist");
	}

	// Suspensions

	@Test
	void suspensionListsEveryInvalidFieldAtOnce() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		// when
		Map<String, String> errors = this.refusals.fieldErrors(() -> this.api
			.post("/api/clients/" + client + "/suspensions", json("finishesAt", "2026-04-01T00:00:00Z", "reason", "")));
		// then
		assertThat(errors).containsExactly(entry("startsAt", "is required"), entry("reason", "must not be blank"));
	}

	@Test
	void suspensionFinishesAtIsNotBeforeItsStart() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		String path = "/api/clients/" + client + "/suspensions";
		// when
		Map<String, String> errors = this.refusals.fieldErrors(() -> this.api.post(path, json("startsAt",
				"2026-04-20T09:00:00Z", "finishesAt", "2026-04-20T08:59:59Z", "reason", "Hospital stay")));
		CareApi.Response instant = this.api.post(path, json("startsAt", "2026-04-20T09:00:00Z", "finishesAt",
				"2026-04-20T09:00:00Z", "reason", "Hospital stay"));
		CareApi.Response openEnded = this.api.post(path,
				json("startsAt", "2026-04-20T09:00:00Z", "reason", "Hospital stay"));
		// then
		assertThat(errors).containsExactly(entry("finishesAt", "must not be before startsAt"));
		assertThat(instant.status()).isEqualTo(201);
		assertThat(openEnded.status()).isEqualTo(201);
	}

	@Test
	void suspensionReasonFitsItsColumn() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/clients/" + client + "/suspensions",
					json("startsAt", "2026-04-20T09:00:00Z", "reason", "x".repeat(501))));
		// then
		assertThat(errors).containsExactly(entry("reason", "must be at most 500 characters long"));
	}

	@Test
	void suspensionUpdateIsValidatedAndSuspensionsOfUnknownClientsAreNotFound() {
		// given
		long client = this.given.client("Bob Cox", this.team);
		long suspension = this.given.suspension(client);
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.put("/api/suspensions/" + suspension, json("reason", "Respite")));
		CareApi.Response unknown = this.refusals.refused(404, () -> this.api.post("/api/clients/999/suspensions",
				json("startsAt", "2026-04-20T09:00:00Z", "reason", "Respite")));
		// then
		assertThat(errors).containsExactly(entry("startsAt", "is required"));
		assertThat(unknown.json().get("detail").asString()).isEqualTo("Client 999 does not exist");
	}

	// Carers

	@Test
	void carerListsEveryInvalidFieldAtOnce() {
		// when
		Map<String, String> errors = this.refusals.fieldErrors(() -> this.api.post("/api/carers", json("name", "",
				"teamIds", List.of(), "employmentStart", "2026-04-01", "employmentFinish", "2026-03-31")));
		// then
		assertThat(errors).containsExactly(entry("name", "must not be blank"),
				entry("teamIds", "must name at least one team"),
				entry("employmentFinish", "must not be before employmentStart"));
	}

	@Test
	void carerNameFitsItsColumn() {
		// when
		Map<String, String> errors = this.refusals.fieldErrors(
				() -> this.api.post("/api/carers", json("name", "x".repeat(201), "teamIds", List.of(this.team))));
		// then
		assertThat(errors).containsExactly(entry("name", "must be at most 200 characters long"));
	}

	@Test
	void carerTeamsMustExist() {
		// when
		Map<String, String> errors = this.refusals.fieldErrors(
				() -> this.api.post("/api/carers", json("name", "Ann Lee", "teamIds", List.of(998, this.team))));
		// then
		assertThat(errors).containsExactly(entry("teamIds[0]", "team 998 does not exist"));
	}

	@Test
	void carerEmploymentFinishIsNotBeforeItsStart() {
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/carers", json("name", "Ann Lee", "teamIds", List.of(this.team),
					"employmentStart", "2026-04-02", "employmentFinish", "2026-04-01")));
		CareApi.Response oneDay = this.api.post("/api/carers", json("name", "Ann Lee", "teamIds", List.of(this.team),
				"employmentStart", "2026-04-01", "employmentFinish", "2026-04-01"));
		CareApi.Response finishOnly = this.api.post("/api/carers",
				json("name", "Ann Lee", "teamIds", List.of(this.team), "employmentFinish", "2026-04-01"));
		// then
		assertThat(errors).containsExactly(entry("employmentFinish", "must not be before employmentStart"));
		assertThat(oneDay.status()).isEqualTo(201);
		assertThat(finishOnly.status()).isEqualTo(201);
	}

	@Test
	void carerUpdateIsValidatedAndUnknownCarersAreNotFound() {
		// given
		long carer = this.given.carer("Ann Lee", this.team);
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.put("/api/carers/" + carer, json("name", "Ann Lee", "teamIds", List.of(7))));
		CareApi.Response unknown = this.refusals.refused(404,
				() -> this.api.put("/api/carers/999", json("name", "Ann Lee", "teamIds", List.of(this.team))));
		// then
		assertThat(errors).containsExactly(entry("teamIds[0]", "team 7 does not exist"));
		assertThat(unknown.json().get("detail").asString()).isEqualTo("Carer 999 does not exist");
	}

	// Availability

	@Test
	void availabilityListsEveryInvalidFieldAtOnce() {
		// given
		long carer = this.given.carer("Ann Lee", this.team);
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/carers/" + carer + "/availability", json()));
		// then
		assertThat(errors).containsExactly(entry("dayOfWeek", "is required"), entry("startTime", "is required"),
				entry("endTime", "is required"));
	}

	@Test
	void availabilityEndsAfterItStarts() {
		// given
		long carer = this.given.carer("Ann Lee", this.team);
		String path = "/api/carers/" + carer + "/availability";
		// when
		Map<String, String> empty = this.refusals.fieldErrors(
				() -> this.api.post(path, json("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "08:00")));
		Map<String, String> backwards = this.refusals.fieldErrors(
				() -> this.api.post(path, json("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "07:59")));
		CareApi.Response oneMinute = this.api.post(path,
				json("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "08:01"));
		// then
		assertThat(empty).containsExactly(entry("endTime", "must be after startTime"));
		assertThat(backwards).containsExactly(entry("endTime", "must be after startTime"));
		assertThat(oneMinute.status()).isEqualTo(201);
	}

	@Test
	void availabilityTimesAreWholeMinutes() {
		// given
		long carer = this.given.carer("Ann Lee", this.team);
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/carers/" + carer + "/availability",
					json("dayOfWeek", "MONDAY", "startTime", "08:00:30", "endTime", "12:00")));
		// then
		assertThat(errors).containsExactly(entry("startTime", "must be a whole minute (HH:mm)"));
	}

	@Test
	void availabilityOfAnUnknownCarerIsNotFound() {
		// when
		CareApi.Response create = this.refusals.refused(404, () -> this.api.post("/api/carers/999/availability",
				json("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "12:00")));
		CareApi.Response delete = this.refusals.refused(404, () -> this.api.delete("/api/carer-availability/999"));
		// then
		assertThat(create.json().get("detail").asString()).isEqualTo("Carer 999 does not exist");
		assertThat(delete.json().get("detail").asString()).isEqualTo("Carer availability 999 does not exist");
	}

	// Absences

	@Test
	void absenceListsEveryInvalidFieldAtOnce() {
		// given
		long carer = this.given.carer("Ann Lee", this.team);
		// when
		Map<String, String> errors = this.refusals
			.fieldErrors(() -> this.api.post("/api/carers/" + carer + "/absences", json("reason", " ")));
		// then
		assertThat(errors).containsExactly(entry("startsAt", "is required"), entry("endsAt", "is required"),
				entry("reason", "must not be blank"));
	}

	@Test
	void absenceEndsAtIsNotBeforeItsStart() {
		// given
		long carer = this.given.carer("Ann Lee", this.team);
		String path = "/api/carers/" + carer + "/absences";
		// when
		Map<String, String> errors = this.refusals.fieldErrors(() -> this.api.post(path,
				json("startsAt", "2026-04-14T09:00:00Z", "endsAt", "2026-04-14T08:00:00Z", "reason", "Sickness")));
		CareApi.Response instant = this.api.post(path,
				json("startsAt", "2026-04-14T09:00:00Z", "endsAt", "2026-04-14T09:00:00Z", "reason", "Sickness"));
		// then
		assertThat(errors).containsExactly(entry("endsAt", "must not be before startsAt"));
		assertThat(instant.status()).isEqualTo(201);
	}

	@Test
	void absenceReasonFitsItsColumn() {
		// given
		long carer = this.given.carer("Ann Lee", this.team);
		// when
		Map<String, String> errors = this.refusals.fieldErrors(() -> this.api.post("/api/carers/" + carer + "/absences",
				json("startsAt", "2026-04-14T09:00:00Z", "endsAt", "2026-04-15T09:00:00Z", "reason", "x".repeat(501))));
		// then
		assertThat(errors).containsExactly(entry("reason", "must be at most 500 characters long"));
	}

	@Test
	void absenceOfAnUnknownCarerIsNotFound() {
		// when
		CareApi.Response create = this.refusals.refused(404, () -> this.api.post("/api/carers/999/absences",
				json("startsAt", "2026-04-14T09:00:00Z", "endsAt", "2026-04-15T09:00:00Z", "reason", "Holiday")));
		CareApi.Response delete = this.refusals.refused(404, () -> this.api.delete("/api/carer-absences/999"));
		// then
		assertThat(create.json().get("detail").asString()).isEqualTo("Carer 999 does not exist");
		assertThat(delete.json().get("detail").asString()).isEqualTo("Carer absence 999 does not exist");
	}

	@Test
	void instantsWithAnOffsetAreStoredInUtc() {
		// given
		long carer = this.given.carer("Ann Lee", this.team);
		// when
		CareApi.Response response = this.api.post("/api/carers/" + carer + "/absences", json("startsAt",
				"2026-04-14T09:00:00+01:00", "endsAt", "2026-04-14T10:00:00.1234567Z", "reason", "Dentist"));
		// then
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("startsAt").asString()).isEqualTo("2026-04-14T08:00:00Z");
		assertThat(response.json().get("endsAt").asString()).as("stored to the microsecond")
			.isEqualTo("2026-04-14T10:00:00.123456Z");
	}

}
