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
import static org.bookingbatch.care.CareApi.with;
import static org.bookingbatch.care.CareApi.without;

/**
 * The field rules of schedule entries, including the ones that need the database (the
 * client's teams, existing carers, the client's contracts): every broken rule is listed
 * in one 400 and nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScheduleEntryValidationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CareApi api;

	CareFixtures given;

	Refusals refusals;

	long team;

	long otherTeam;

	long client;

	long carer;

	Map<String, Object> valid;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new CareApi("http://localhost:" + this.port, "admin", "admin");
		this.given = new CareFixtures(this.api);
		this.refusals = new Refusals(this.jdbc);
		this.team = this.given.team("North");
		this.otherTeam = this.given.team("South");
		this.client = this.given.client("Bob Cox", this.team);
		this.carer = this.given.carer("Ann Lee", this.team);
		this.valid = CareFixtures.entryBody(this.client, this.team);
	}

	private Map<String, String> refused(Map<String, Object> body) {
		return this.refusals.fieldErrors(() -> this.api.post("/api/schedule-entries", body));
	}

	private CareApi.Response accepted(Map<String, Object> body) {
		CareApi.Response response = this.api.post("/api/schedule-entries", body);
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		return response;
	}

	@Test
	void everyInvalidFieldIsListedInOneAnswer() {
		// given
		long otherClient = this.given.client("Eve Hart", this.team);
		long otherContract = this.given.contract(otherClient);
		Map<String, Object> body = json("clientId", this.client, "teamId", this.otherTeam, "daysOfWeek", List.of(),
				"durationMinutes", 0, "cycleWeeks", 2, "cycleStart", "2026-04-01", "weeks", List.of(3),
				"carersRequired", 1, "carerIds", List.of(this.carer, 999), "serviceContractId", otherContract,
				"validFrom", "2026-04-01", "validTo", "2026-03-31");
		// when
		Map<String, String> errors = refused(body);
		// then
		assertThat(errors).containsExactly(
				entry("teamId", "client " + this.client + " is not in team " + this.otherTeam),
				entry("daysOfWeek", "must name at least one day"), entry("startTime", "is required"),
				entry("durationMinutes", "must be between 1 and 1440"),
				entry("validTo", "must not be before validFrom"),
				entry("cycleStart", "must be a Monday; 2026-04-01 is a WEDNESDAY"),
				entry("weeks[0]", "must be between 1 and cycleWeeks (2)"),
				entry("carerIds", "must list at most carersRequired (1) carers"),
				entry("carerIds[1]", "carer 999 does not exist"), entry("serviceContractId", "service contract "
						+ otherContract + " belongs to client " + otherClient + ", not to client " + this.client));
	}

	@Test
	void requiredFieldsAreListedTogether() {
		// when
		Map<String, String> errors = refused(json());
		// then
		assertThat(errors).containsOnlyKeys("clientId", "teamId", "daysOfWeek", "startTime", "durationMinutes",
				"validFrom");
		assertThat(errors).containsEntry("clientId", "is required").containsEntry("validFrom", "is required");
	}

	@Test
	void anUnknownClientIsAFieldError() {
		// when
		Map<String, String> errors = refused(with(this.valid, "clientId", 999));
		// then
		assertThat(errors).containsExactly(entry("clientId", "client 999 does not exist"));
	}

	@Test
	void anUnknownTeamIsAFieldError() {
		// when
		Map<String, String> errors = refused(with(this.valid, "teamId", 999));
		// then
		assertThat(errors).containsExactly(entry("teamId", "team 999 does not exist"));
	}

	@Test
	void theTeamMustBeOneOfTheClientsTeams() {
		// when
		Map<String, String> errors = refused(with(this.valid, "teamId", this.otherTeam));
		// then
		assertThat(errors)
			.containsExactly(entry("teamId", "client " + this.client + " is not in team " + this.otherTeam));
	}

	@Test
	void daysOfWeekAreRequiredAndNotNull() {
		// when
		Map<String, String> empty = refused(with(this.valid, "daysOfWeek", List.of()));
		Map<String, String> missing = refused(without(this.valid, "daysOfWeek"));
		Map<String, String> nullDay = refused(with(this.valid, "daysOfWeek", Arrays.asList("MONDAY", null)));
		// then
		assertThat(empty).containsExactly(entry("daysOfWeek", "must name at least one day"));
		assertThat(missing).containsExactly(entry("daysOfWeek", "must name at least one day"));
		assertThat(nullDay).containsExactly(entry("daysOfWeek[1]", "must not be null"));
	}

	@Test
	void durationIsOneMinuteToOneDay() {
		// when
		Map<String, String> zero = refused(with(this.valid, "durationMinutes", 0));
		Map<String, String> tooLong = refused(with(this.valid, "durationMinutes", 1441));
		Map<String, String> missing = refused(without(this.valid, "durationMinutes"));
		// then
		assertThat(zero).containsExactly(entry("durationMinutes", "must be between 1 and 1440"));
		assertThat(tooLong).containsExactly(entry("durationMinutes", "must be between 1 and 1440"));
		assertThat(missing).containsExactly(entry("durationMinutes", "is required"));
		accepted(with(this.valid, "durationMinutes", 1));
		accepted(with(this.valid, "durationMinutes", 1440));
	}

	@Test
	void cycleIsOneToFourWeeks() {
		// when
		Map<String, String> zero = refused(with(this.valid, "cycleWeeks", 0));
		Map<String, String> five = refused(with(this.valid, "cycleWeeks", 5));
		// then
		assertThat(zero).containsExactly(entry("cycleWeeks", "must be between 1 and 4"));
		assertThat(five).containsExactly(entry("cycleWeeks", "must be between 1 and 4"));
		accepted(with(this.valid, "cycleWeeks", 4, "weeks", List.of(1, 4)));
	}

	@Test
	void weeksAreNotEmptyAndInsideTheCycle() {
		// when
		Map<String, String> empty = refused(with(this.valid, "weeks", List.of()));
		Map<String, String> outside = refused(with(this.valid, "cycleWeeks", 2, "weeks", List.of(2, 3)));
		Map<String, String> zero = refused(with(this.valid, "weeks", List.of(0)));
		Map<String, String> nullWeek = refused(with(this.valid, "weeks", Arrays.asList((Object) null)));
		// then
		assertThat(empty).containsExactly(entry("weeks", "must name at least one week of the cycle"));
		assertThat(outside).containsExactly(entry("weeks[1]", "must be between 1 and cycleWeeks (2)"));
		assertThat(zero).containsExactly(entry("weeks[0]", "must be between 1 and cycleWeeks (1)"));
		assertThat(nullWeek).containsExactly(entry("weeks[0]", "must not be null"));
		CareApi.Response fortnightly = accepted(with(this.valid, "cycleWeeks", 2, "weeks", List.of(2)));
		assertThat(fortnightly.json().get("weeks").toString()).isEqualTo("[2]");
	}

	@Test
	void cycleStartIsAMonday() {
		// when
		Map<String, String> sunday = refused(with(this.valid, "cycleStart", "2026-04-05"));
		// then
		assertThat(sunday).containsExactly(entry("cycleStart", "must be a Monday; 2026-04-05 is a SUNDAY"));
		CareApi.Response monday = accepted(with(this.valid, "cycleStart", "2026-03-23"));
		assertThat(monday.json().get("cycleStart").asString()).isEqualTo("2026-03-23");
	}

	@Test
	void cycleStartDefaultsToTheMondayOnOrBeforeValidFrom() {
		// when
		CareApi.Response fromSunday = accepted(with(this.valid, "validFrom", "2026-04-05"));
		CareApi.Response fromMonday = accepted(with(this.valid, "validFrom", "2026-04-06"));
		// then
		assertThat(fromSunday.json().get("cycleStart").asString()).isEqualTo("2026-03-30");
		assertThat(fromMonday.json().get("cycleStart").asString()).isEqualTo("2026-04-06");
	}

	@Test
	void omittedFieldsTakeTheirDefaults() {
		// when
		CareApi.Response response = accepted(this.valid);
		// then
		assertThat(response.json().get("cycleWeeks").intValue()).isEqualTo(1);
		assertThat(response.json().get("weeks").toString()).isEqualTo("[1]");
		assertThat(response.json().get("carersRequired").intValue()).isEqualTo(1);
		assertThat(response.json().get("carerIds").toString()).isEqualTo("[]");
		assertThat(response.json().get("serviceContractId").isNull()).isTrue();
		assertThat(response.json().get("validTo").isNull()).isTrue();
	}

	@Test
	void carersRequiredIsOneToFour() {
		// given
		long second = this.given.carer("Ian Ross", this.team);
		long third = this.given.carer("Joy Park", this.team);
		long fourth = this.given.carer("Kim Ward", this.team);
		// when
		Map<String, String> zero = refused(with(this.valid, "carersRequired", 0));
		Map<String, String> five = refused(with(this.valid, "carersRequired", 5));
		// then
		assertThat(zero).containsExactly(entry("carersRequired", "must be between 1 and 4"));
		assertThat(five).containsExactly(entry("carersRequired", "must be between 1 and 4"));
		CareApi.Response four = accepted(
				with(this.valid, "carersRequired", 4, "carerIds", List.of(fourth, this.carer, third, second)));
		assertThat(four.json().get("carerIds").toString()).as("slot order is kept")
			.isEqualTo("[" + fourth + "," + this.carer + "," + third + "," + second + "]");
	}

	@Test
	void atMostCarersRequiredCarersAreAllocated() {
		// given
		long second = this.given.carer("Ian Ross", this.team);
		// when
		Map<String, String> errors = refused(with(this.valid, "carerIds", List.of(this.carer, second)));
		// then
		assertThat(errors).containsExactly(entry("carerIds", "must list at most carersRequired (1) carers"));
		accepted(with(this.valid, "carersRequired", 2, "carerIds", List.of(this.carer)));
	}

	@Test
	void aCarerIsAllocatedOnlyOnce() {
		// when
		Map<String, String> errors = refused(
				with(this.valid, "carersRequired", 2, "carerIds", List.of(this.carer, this.carer)));
		// then
		assertThat(errors).containsExactly(entry("carerIds[1]", "carer " + this.carer + " is listed more than once"));
	}

	@Test
	void allocatedCarersMustExist() {
		// when
		Map<String, String> unknown = refused(with(this.valid, "carerIds", List.of(999)));
		Map<String, String> nullCarer = refused(with(this.valid, "carerIds", Arrays.asList((Object) null)));
		// then
		assertThat(unknown).containsExactly(entry("carerIds[0]", "carer 999 does not exist"));
		assertThat(nullCarer).containsExactly(entry("carerIds[0]", "must not be null"));
	}

	@Test
	void theServiceContractBelongsToTheClient() {
		// given
		long otherClient = this.given.client("Eve Hart", this.team);
		long othersContract = this.given.contract(otherClient);
		long ownContract = this.given.contract(this.client);
		// when
		Map<String, String> others = refused(with(this.valid, "serviceContractId", othersContract));
		Map<String, String> unknown = refused(with(this.valid, "serviceContractId", 999));
		// then
		assertThat(others).containsExactly(entry("serviceContractId", "service contract " + othersContract
				+ " belongs to client " + otherClient + ", not to client " + this.client));
		assertThat(unknown).containsExactly(entry("serviceContractId", "service contract 999 does not exist"));
		accepted(with(this.valid, "serviceContractId", ownContract));
	}

	@Test
	void validToIsNotBeforeValidFrom() {
		// when
		Map<String, String> errors = refused(with(this.valid, "validTo", "2026-03-31"));
		Map<String, String> missingFrom = refused(without(this.valid, "validFrom"));
		// then
		assertThat(errors).containsExactly(entry("validTo", "must not be before validFrom"));
		assertThat(missingFrom).containsExactly(entry("validFrom", "is required"));
		accepted(with(this.valid, "validTo", "2026-04-01"));
	}

	@Test
	void startTimeIsAWholeMinute() {
		// when
		Map<String, String> errors = refused(with(this.valid, "startTime", "08:00:01"));
		// then
		assertThat(errors).containsExactly(entry("startTime", "must be a whole minute (HH:mm)"));
	}

	@Test
	void anUpdateIsValidatedLikeACreateAndChangesNothingWhenRefused() {
		// given
		long entry = this.given.entry(this.valid);
		// when
		Map<String, String> errors = this.refusals.fieldErrors(() -> this.api.put("/api/schedule-entries/" + entry,
				with(this.valid, "teamId", this.otherTeam, "carerIds", List.of(998))));
		// then
		assertThat(errors).containsOnlyKeys("teamId", "carerIds[0]");
		assertThat(this.api.get("/api/schedule-entries/" + entry).json().get("version").longValue()).isZero();
	}

	@Test
	void updatingAnUnknownEntryIsNotFound() {
		// when
		CareApi.Response response = this.refusals.refused(404,
				() -> this.api.put("/api/schedule-entries/999", this.valid));
		// then
		assertThat(response.json().get("detail").asString()).isEqualTo("Schedule entry 999 does not exist");
	}

	@Test
	void updatingAnEntryFromAnOldVersionIsAConflict() {
		// given
		long entry = this.given.entry(this.valid);
		assertThat(this.api.put("/api/schedule-entries/" + entry, with(this.valid, "durationMinutes", 45)).status())
			.isEqualTo(200);
		// when
		CareApi.Response response = this.refusals.refused(409, () -> this.api.put("/api/schedule-entries/" + entry,
				with(this.valid, "durationMinutes", 60, "version", 0)));
		// then
		assertThat(response.json().get("title").asString()).isEqualTo("Conflict");
		assertThat(this.api.get("/api/schedule-entries/" + entry).json().get("durationMinutes").intValue())
			.isEqualTo(45);
	}

	@Test
	void anUpdateIncrementsTheVersionAndReplacesTheCarers() {
		// given
		long second = this.given.carer("Ian Ross", this.team);
		long entry = this.given.entry(with(this.valid, "carersRequired", 2, "carerIds", List.of(this.carer)));
		// when
		CareApi.Response response = this.api.put("/api/schedule-entries/" + entry,
				with(this.valid, "carersRequired", 2, "carerIds", List.of(second, this.carer), "version", 0));
		// then
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("version").longValue()).isEqualTo(1);
		assertThat(response.json().get("carerIds").toString()).isEqualTo("[" + second + "," + this.carer + "]");
		assertThat(this.jdbc.queryForList(
				"SELECT carer_id FROM schedule_entry_carer WHERE schedule_entry_id = ? ORDER BY slot", Long.class,
				entry))
			.containsExactly(second, this.carer);
	}

}
