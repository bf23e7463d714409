package org.bookingbatch.care;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bookingbatch.platform.DatabaseCleaner;
import org.bookingbatch.platform.MalformedRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.care.CareApi.json;
import static org.bookingbatch.care.CareApi.toJson;

/**
 * Every write endpoint of the care model refuses malformed requests with a 4xx problem
 * detail and writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareMalformedRequestsIntegrationTests {

	static final String[] CARE_TABLES = Refusals.CARE_TABLES;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CareApi api;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new CareApi("http://localhost:" + this.port, "admin", "admin");
	}

	@TestFactory
	Stream<DynamicTest> malformedRequestsToEveryWriteEndpointAreRefusedAndWriteNothing() {
		MalformedRequests table = careWriteEndpoints(new CareSmokeFlow(this.api.baseUrl(), "admin", "admin").run());
		Supplier<Object> state = MalformedRequests.tableChecksums(this.jdbc, CARE_TABLES);
		return table.tests(this.api.baseUrl(), "admin", "admin", state);
	}

	@Test
	void theTableCoversEveryKindOfMalformation() {
		// given
		CareSmokeFlow.Result data = new CareSmokeFlow.Result(1, 2, 3, 4, 5, 6);
		// when
		List<MalformedRequests.Case> cases = careWriteEndpoints(data).cases();
		// then
		assertThat(cases).extracting(MalformedRequests.Case::description)
			.contains("malformed JSON", "empty body", "an array instead of an object", "a body over 1 MB",
					"durationMinutes: a string for a number \"abc\"", "daysOfWeek: an unknown day [\"FUNDAY\"]",
					"validFrom: an impossible date \"2026-13-45\"", "startTime: an impossible time \"25:00\"");
		assertThat(cases).extracting(MalformedRequests.Case::path)
			.contains("/api/teams", "/api/clients", "/api/clients/" + data.clientId(),
					"/api/clients/" + data.clientId() + "/service-contracts",
					"/api/service-contracts/" + data.serviceContractId(),
					"/api/clients/" + data.clientId() + "/suspensions", "/api/suspensions/" + data.suspensionId(),
					"/api/carers", "/api/carers/" + data.carerId(), "/api/carers/" + data.carerId() + "/availability",
					"/api/carers/" + data.carerId() + "/absences", "/api/schedule-entries",
					"/api/schedule-entries/" + data.scheduleEntryId());
	}

	@Test
	void theValidBodiesOfTheTableAreAcceptedAndTheChecksumsSeeTheirWrites() {
		// given
		MalformedRequests table = careWriteEndpoints(new CareSmokeFlow(this.api.baseUrl(), "admin", "admin").run());
		Supplier<Object> state = MalformedRequests.tableChecksums(this.jdbc, CARE_TABLES);
		for (MalformedRequests.Case request : table.validRequests()) {
			Object before = state.get();
			// when
			CareApi.Response response = this.api.send(request.method(), request.path(), request.body());
			// then
			assertThat(response.status()).as("%s -> %s", request, response).isBetween(200, 299);
			assertThat(state.get()).as("%s changes the checksums", request).isNotEqualTo(before);
		}
	}

	@Test
	void unreadableValuesAreReportedOnTheirField() {
		// given
		CareSmokeFlow.Result data = new CareSmokeFlow(this.api.baseUrl(), "admin", "admin").run();
		Map<String, Object> entry = CareFixtures.entryBody(data.clientId(), data.teamId());
		Map<String, Object> absence = json("startsAt", "2026-06-01T00:00:00Z", "endsAt", "2026-06-02T00:00:00Z",
				"reason", "Training");
		// when
		Map<String, String> date = this.api
			.post("/api/schedule-entries", CareApi.with(entry, "validFrom", "2026-13-45"))
			.fieldErrors();
		Map<String, String> time = this.api.post("/api/schedule-entries", CareApi.with(entry, "startTime", "25:00"))
			.fieldErrors();
		Map<String, String> day = this.api
			.post("/api/schedule-entries", CareApi.with(entry, "daysOfWeek", List.of("MONDAY", "FUNDAY")))
			.fieldErrors();
		Map<String, String> dayNumber = this.api
			.post("/api/schedule-entries", CareApi.with(entry, "daysOfWeek", List.of(1)))
			.fieldErrors();
		Map<String, String> fraction = this.api
			.post("/api/schedule-entries", CareApi.with(entry, "durationMinutes", 30.5))
			.fieldErrors();
		Map<String, String> instant = this.api
			.post("/api/carers/" + data.carerId() + "/absences", CareApi.with(absence, "endsAt", "2026-06-02"))
			.fieldErrors();
		// then
		assertThat(date).containsExactly(Map.entry("validFrom", "'2026-13-45' is not a valid date (yyyy-mm-dd)"));
		assertThat(time).containsExactly(Map.entry("startTime", "'25:00' is not a valid time (hh:mm)"));
		assertThat(day).containsOnlyKeys("daysOfWeek[1]");
		assertThat(dayNumber).containsOnlyKeys("daysOfWeek[0]");
		assertThat(fraction).containsOnlyKeys("durationMinutes");
		assertThat(instant).containsOnlyKeys("endsAt");
	}

	/** The care model's write endpoints, each with a body it accepts. */
	static MalformedRequests careWriteEndpoints(CareSmokeFlow.Result data) {
		long team = data.teamId();
		String client = toJson(json("name", "Eve Hart", "teamIds", List.of(team), "active", true, "hasAddress", true));
		String contract = toJson(
				json("serviceType", "Personal care", "startDate", "2026-04-01", "finishDate", "2026-12-31"));
		String suspension = toJson(
				json("startsAt", "2026-05-01T09:00:00Z", "finishesAt", "2026-05-08T09:00:00Z", "reason", "Respite"));
		String carer = toJson(json("name", "Ian Ross", "teamIds", List.of(team), "active", true, "hasAddress", true,
				"employmentStart", "2025-01-06", "employmentFinish", "2027-01-01"));
		String availability = toJson(json("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "12:00"));
		String absence = toJson(
				json("startsAt", "2026-06-01T00:00:00Z", "endsAt", "2026-06-02T00:00:00Z", "reason", "Training"));
		String entry = toJson(json("clientId", data.clientId(), "teamId", team, "daysOfWeek", List.of("MONDAY"),
				"startTime", "08:00", "durationMinutes", 30, "cycleWeeks", 2, "cycleStart", "2026-03-30", "weeks",
				List.of(1), "carersRequired", 1, "carerIds", List.of(data.carerId()), "serviceContractId",
				data.serviceContractId(), "validFrom", "2026-04-01", "validTo", "2026-12-31"));

		MalformedRequests table = new MalformedRequests();
		table.endpoint("POST", "/api/teams", toJson(json("name", "West")));
		for (String path : List.of("/api/clients", "/api/clients/" + data.clientId())) {
			table.endpoint(path.equals("/api/clients") ? "POST" : "PUT", path, client);
		}
		for (Map.Entry<String, String> write : Map
			.of("POST", "/api/clients/" + data.clientId() + "/service-contracts", "PUT",
					"/api/service-contracts/" + data.serviceContractId())
			.entrySet()) {
			table.endpoint(write.getKey(), write.getValue(), contract);
			dates(table, write.getKey(), write.getValue(), contract, "startDate", "finishDate");
		}
		for (Map.Entry<String, String> write : Map
			.of("POST", "/api/clients/" + data.clientId() + "/suspensions", "PUT",
					"/api/suspensions/" + data.suspensionId())
			.entrySet()) {
			table.endpoint(write.getKey(), write.getValue(), suspension);
			instants(table, write.getKey(), write.getValue(), suspension, "startsAt", "finishesAt");
		}
		for (Map.Entry<String, String> write : Map.of("POST", "/api/carers", "PUT", "/api/carers/" + data.carerId())
			.entrySet()) {
			table.endpoint(write.getKey(), write.getValue(), carer);
			dates(table, write.getKey(), write.getValue(), carer, "employmentStart", "employmentFinish");
		}
		String availabilityPath = "/api/carers/" + data.carerId() + "/availability";
		table.endpoint("POST", availabilityPath, availability);
		times(table, "POST", availabilityPath, availability, "startTime", "endTime");
		table.field("POST", availabilityPath, availability, "dayOfWeek", "\"FUNDAY\"", "an unknown day");
		table.field("POST", availabilityPath, availability, "dayOfWeek", "\"monday\"", "a day in lower case");
		table.field("POST", availabilityPath, availability, "dayOfWeek", "1", "a number for a day");
		String absencePath = "/api/carers/" + data.carerId() + "/absences";
		table.endpoint("POST", absencePath, absence);
		instants(table, "POST", absencePath, absence, "startsAt", "endsAt");
		for (Map.Entry<String, String> write : Map
			.of("POST", "/api/schedule-entries", "PUT", "/api/schedule-entries/" + data.scheduleEntryId())
			.entrySet()) {
			table.endpoint(write.getKey(), write.getValue(), entry);
			dates(table, write.getKey(), write.getValue(), entry, "cycleStart", "validFrom", "validTo");
			times(table, write.getKey(), write.getValue(), entry, "startTime");
			table.field(write.getKey(), write.getValue(), entry, "daysOfWeek", "[\"FUNDAY\"]", "an unknown day");
			table.field(write.getKey(), write.getValue(), entry, "daysOfWeek", "[1]", "a number for a day");
			table.field(write.getKey(), write.getValue(), entry, "daysOfWeek", "\"MONDAY\"", "a day for a list");
			table.field(write.getKey(), write.getValue(), entry, "durationMinutes", "99999999999",
					"a number too large");
		}
		table.request("DELETE", "/api/carer-availability/abc", "", "an id that is not a number");
		table.request("DELETE", "/api/carer-absences/1.5", "", "an id that is not a whole number");
		table.request("PUT", "/api/clients/abc", client, "an id that is not a number");
		return table;
	}

	private static void dates(MalformedRequests table, String method, String path, String body, String... fields) {
		for (String field : fields) {
			table.field(method, path, body, field, "\"2026-13-45\"", "an impossible date");
			table.field(method, path, body, field, "\"2026-02-30\"", "a day that does not exist");
			table.field(method, path, body, field, "\"01/04/2026\"", "a date that is not ISO-8601");
		}
	}

	private static void times(MalformedRequests table, String method, String path, String body, String... fields) {
		for (String field : fields) {
			table.field(method, path, body, field, "\"25:00\"", "an impossible time");
			table.field(method, path, body, field, "\"08:60\"", "an impossible minute");
			table.field(method, path, body, field, "\"8am\"", "a time that is not HH:mm");
		}
	}

	private static void instants(MalformedRequests table, String method, String path, String body, String... fields) {
		for (String field : fields) {
			table.field(method, path, body, field, "\"2026-04-20T25:00:00Z\"", "an impossible instant");
			table.field(method, path, body, field, "\"2026-04-20T09:00:00\"", "an instant without offset");
			table.field(method, path, body, field, "\"yesterday\"", "an instant that is not ISO-8601");
		}
	}

}
