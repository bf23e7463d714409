package org.bookingbatch.booking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bookingbatch.platform.DatabaseCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookingApiIntegrationTests {

	static final String PLANNER = "planner:planner";

	static final String VIEWER = "viewer:viewer";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	BookingTestData data;

	long north;

	long bob;

	long ann;

	long cal;

	@BeforeEach
	void provider() {
		DatabaseCleaner.clean(this.jdbcTemplate);
		this.data = new BookingTestData(this.jdbc);
		this.north = this.data.team("North");
		this.bob = this.data.client("Bob Cox", this.north);
		this.data.contract(this.bob, "personal care", LocalDate.of(2026, 1, 1), null);
		this.ann = this.data.carer("Ann Lee", this.north);
		this.cal = this.data.carer("Cal Fry", this.north);
	}

	@Test
	void aOneOffBookingIsCreatedWithItsCarersAndAStatusFromItsAllocation() throws Exception {
		// when
		HttpResponse<String> response = post("/api/bookings",
				oneOff("2026-04-14T07:00:00Z", "2026-04-14T07:30:00Z", "[" + this.ann + "]", null), PLANNER);
		// then
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode booking = read(response);
		long id = booking.path("id").asLong();
		assertThat(response.headers().firstValue("Location"))
			.hasValue("http://localhost:" + this.port + "/api/bookings/" + id);
		assertThat(booking.path("clientId").asLong()).isEqualTo(this.bob);
		assertThat(booking.path("teamId").asLong()).isEqualTo(this.north);
		assertThat(booking.path("scheduleEntryId").isNull()).isTrue();
		assertThat(booking.path("occurrenceDate").asString()).isEqualTo("2026-04-14");
		assertThat(booking.path("startsAt").asString()).isEqualTo("2026-04-14T07:00:00Z");
		assertThat(booking.path("endsAt").asString()).isEqualTo("2026-04-14T07:30:00Z");
		assertThat(booking.path("carersRequired").asInt()).isEqualTo(1);
		assertThat(booking.path("carerIds").toString()).isEqualTo("[" + this.ann + "]");
		assertThat(booking.path("status").asString()).isEqualTo("dispatched");
		assertThat(booking.path("batchId").isNull()).isTrue();
		assertThat(booking.path("createdAt").asString()).isNotBlank();
		assertThat(booking.path("issues").size()).isZero();
		assertThat(this.jdbc.sql("SELECT created_by FROM booking WHERE id = ?").params(id).query(String.class).single())
			.isEqualTo("planner");
		assertThat(this.jdbc
			.sql("SELECT CONCAT(slot, ':', carer_id, ':', starts_at, ':', ends_at) FROM booking_carer"
					+ " WHERE booking_id = ?")
			.params(id)
			.query(String.class)
			.list()).containsExactly("1:" + this.ann + ":2026-04-14 07:00:00.000000:2026-04-14 07:30:00.000000");
		assertThat(read(get("/api/bookings/" + id, VIEWER))).isEqualTo(withoutIssues(booking));
	}

	@Test
	void openSlotsGiveAWarningAndAPartlyOrNotDispatchedStatus() throws Exception {
		// when
		HttpResponse<String> partly = post("/api/bookings",
				oneOff("2026-04-14T07:00:00Z", "2026-04-14T07:30:00Z", "[" + this.ann + "]", 2), PLANNER);
		HttpResponse<String> none = post("/api/bookings",
				oneOff("2026-04-14T09:00:00Z", "2026-04-14T09:30:00Z", "[]", null), PLANNER);
		// then
		assertThat(partly.statusCode()).isEqualTo(201);
		assertThat(read(partly).path("status").asString()).isEqualTo("partially_dispatched");
		assertThat(read(partly).path("issues").toString()).isEqualTo("[{\"code\":\"UNALLOCATED\",\"severity\":"
				+ "\"WARNING\",\"message\":\"1 of 2 carers are allocated; the visit gets 1 open slot\"}]");
		assertThat(none.statusCode()).isEqualTo(201);
		assertThat(read(none).path("status").asString()).isEqualTo("to_be_dispatched");
		assertThat(read(none).path("carerIds").size()).isZero();
	}

	@Test
	void theOccurrenceDateIsTheLocalDateOfTheStart() throws Exception {
		// when: 23:30 UTC on 14 Apr is 00:30 BST on 15 Apr
		HttpResponse<String> response = post("/api/bookings",
				oneOff("2026-04-14T23:30:00Z", "2026-04-15T00:00:00Z", "[" + this.ann + "]", null), PLANNER);
		// then
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(read(response).path("occurrenceDate").asString()).isEqualTo("2026-04-15");
	}

	@Test
	void aBookingThatBreaksARuleIsRefusedWith422AndItsIssues() throws Exception {
		// given
		long first = read(post("/api/bookings",
				oneOff("2026-04-14T07:00:00Z", "2026-04-14T07:30:00Z", "[" + this.ann + "]", null), PLANNER))
			.path("id")
			.asLong();
		this.data.update("UPDATE client SET active = FALSE WHERE id = ?", this.bob);
		// when
		HttpResponse<String> response = post("/api/bookings",
				oneOff("2026-04-14T07:15:00Z", "2026-04-14T07:45:00Z", "[" + this.ann + "]", 2), PLANNER);
		// then
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = read(response);
		assertThat(problem.path("status").asInt()).isEqualTo(422);
		assertThat(problem.path("title").asString()).isEqualTo("Unprocessable Content");
		assertThat(problem.path("detail").asString()).isEqualTo("The booking breaks 3 validation rules");
		assertThat(problem.path("issues").toString()).isEqualTo("["
				+ "{\"code\":\"CLIENT_INACTIVE\",\"severity\":\"ERROR\",\"message\":\"Client Bob Cox is inactive\"},"
				+ "{\"code\":\"CLIENT_CLASH\",\"severity\":\"ERROR\",\"message\":"
				+ "\"Client Bob Cox already has a visit 08:00–08:30 (booking " + first + ")\"},"
				+ "{\"code\":\"CARER_CLASH\",\"severity\":\"ERROR\",\"message\":"
				+ "\"Carer Ann Lee already has a visit 08:00–08:30 with client Bob Cox (booking " + first + ")\"},"
				+ "{\"code\":\"UNALLOCATED\",\"severity\":\"WARNING\",\"message\":"
				+ "\"1 of 2 carers are allocated; the visit gets 1 open slot\"}]");
		assertThat(bookings()).isEqualTo(1);
		assertThat(carerSlots()).isEqualTo(1);
	}

	@Test
	void everyFieldErrorIsReportedAtOnce() throws Exception {
		// when
		HttpResponse<String> empty = post("/api/bookings", "{}", PLANNER);
		HttpResponse<String> wrong = post("/api/bookings", """
				{"clientId": 999999, "teamId": 888888, "startsAt": "2026-04-14T08:00:00Z",
				 "endsAt": "2026-04-14T07:00:00Z", "carerIds": [%d, %d, 777777, null], "carersRequired": 5}
				""".formatted(this.ann, this.ann), PLANNER);
		HttpResponse<String> tooMany = post("/api/bookings", """
				{"clientId": %d, "teamId": %d, "startsAt": "2026-04-14T08:00:00Z",
				 "endsAt": "2026-04-15T09:00:00Z", "carerIds": [%d, %d], "carersRequired": 1}
				""".formatted(this.bob, this.north, this.ann, this.cal), PLANNER);
		// then
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(fields(empty)).containsExactly("clientId", "teamId", "startsAt", "endsAt");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(errors(wrong)).containsExactly("endsAt: must be after startsAt",
				"carersRequired: must be between 1 and 4", "carerIds[1]: carer " + this.ann + " is listed twice",
				"carerIds[3]: must not be null", "clientId: client 999999 does not exist",
				"teamId: team 888888 does not exist", "carerIds[2]: carer 777777 does not exist");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(errors(tooMany)).containsExactly("endsAt: must be at most 24 hours after startsAt",
				"carerIds: must list at most 1 carers (carersRequired)");
		assertThat(bookings()).isZero();
		assertThat(carerSlots()).isZero();
	}

	@Test
	void theTeamMustBeOneOfTheClients() throws Exception {
		// given
		long south = this.data.team("South");
		// when
		HttpResponse<String> response = post("/api/bookings", """
				{"clientId": %d, "teamId": %d, "startsAt": "2026-04-14T08:00:00Z", "endsAt": "2026-04-14T09:00:00Z"}
				""".formatted(this.bob, south), PLANNER);
		// then
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errors(response)).containsExactly("teamId: client " + this.bob + " is not in team " + south);
	}

	@Test
	void malformedRequestsAreProblemDetailsAndWriteNothing() throws Exception {
		// when
		HttpResponse<String> malformed = post("/api/bookings", "{\"clientId\": ", PLANNER);
		HttpResponse<String> wrongType = post("/api/bookings", """
				{"clientId": "Bob", "teamId": %d, "startsAt": "2026-04-14T08:00:00Z", "endsAt": "2026-04-14T09:00:00Z"}
				""".formatted(this.north), PLANNER);
		HttpResponse<String> badInstant = post("/api/bookings", """
				{"clientId": %d, "teamId": %d, "startsAt": "tomorrow at eight", "endsAt": "2026-04-14T09:00:00Z"}
				""".formatted(this.bob, this.north), PLANNER);
		HttpResponse<String> notAList = post("/api/bookings", """
				{"clientId": %d, "teamId": %d, "startsAt": "2026-04-14T08:00:00Z", "endsAt": "2026-04-14T09:00:00Z",
				 "carerIds": "Ann"}
				""".formatted(this.bob, this.north), PLANNER);
		HttpResponse<String> oversized = post("/api/bookings",
				"{\"clientId\": 1, \"note\": \"" + "x".repeat(1_100_000) + "\"}", PLANNER);
		// then
		for (HttpResponse<String> response : List.of(malformed, wrongType, badInstant, notAList)) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(read(response).path("errors").size()).isPositive();
		}
		assertThat(fields(wrongType)).containsExactly("clientId");
		// Which field is named depends on how far the platform's handler follows the
		// cause.
		assertThat(fields(badInstant)).hasSize(1).containsAnyOf("startsAt", "body");
		assertThat(fields(notAList)).containsExactly("carerIds");
		assertThat(oversized.statusCode()).isEqualTo(413);
		assertThat(read(oversized).path("status").asInt()).isEqualTo(413);
		assertThat(bookings()).isZero();
		assertThat(carerSlots()).isZero();
	}

	@Test
	void aCancelledBookingIsCancelledOnceAndNoLongerClashes() throws Exception {
		// given
		String visit = oneOff("2026-04-14T07:00:00Z", "2026-04-14T07:30:00Z", "[" + this.ann + "]", null);
		long id = read(post("/api/bookings", visit, PLANNER)).path("id").asLong();
		// when
		HttpResponse<String> cancelled = post("/api/bookings/" + id + "/cancel", "{\"reason\": \"client in hospital\"}",
				PLANNER);
		HttpResponse<String> again = post("/api/bookings/" + id + "/cancel", "{\"reason\": \"twice\"}", PLANNER);
		HttpResponse<String> rebooked = post("/api/bookings", visit, PLANNER);
		// then
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(read(cancelled).path("status").asString()).isEqualTo("cancelled");
		assertThat(this.jdbc
			.sql("SELECT CONCAT(status, '|', cancel_reason, '|', cancelled_at IS NOT NULL)"
					+ " FROM booking WHERE id = ?")
			.params(id)
			.query(String.class)
			.single()).isEqualTo("cancelled|client in hospital|1");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(read(again).path("bookingStatus").asString()).isEqualTo("cancelled");
		assertThat(read(again).path("detail").asString()).startsWith("Booking " + id + " is cancelled")
			.contains("cancel");
		assertThat(rebooked.statusCode()).isEqualTo(201);
	}

	@Test
	void aBookingThatWasVisitedCannotBeCancelled() throws Exception {
		// given
		long id = this.data.booking(this.bob, this.north, null, LocalDate.of(2026, 4, 14),
				Instant.parse("2026-04-14T07:00:00Z"), Instant.parse("2026-04-14T07:30:00Z"), "done", this.ann);
		// when
		HttpResponse<String> response = post("/api/bookings/" + id + "/cancel", "{\"reason\": \"late\"}", PLANNER);
		// then
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(read(response).path("bookingStatus").asString()).isEqualTo("done");
	}

	@Test
	void malformedCancelRequestsAreProblemDetailsAndWriteNothing() throws Exception {
		// given
		long id = read(post("/api/bookings",
				oneOff("2026-04-14T07:00:00Z", "2026-04-14T07:30:00Z", "[" + this.ann + "]", null), PLANNER))
			.path("id")
			.asLong();
		// when
		HttpResponse<String> noReason = post("/api/bookings/" + id + "/cancel", "{}", PLANNER);
		HttpResponse<String> blankReason = post("/api/bookings/" + id + "/cancel", "{\"reason\": \"  \"}", PLANNER);
		HttpResponse<String> malformed = post("/api/bookings/" + id + "/cancel", "{\"reason\"", PLANNER);
		HttpResponse<String> wrongType = post("/api/bookings/" + id + "/cancel", "{\"reason\": [1]}", PLANNER);
		HttpResponse<String> noBody = post("/api/bookings/" + id + "/cancel", "", PLANNER);
		HttpResponse<String> badId = post("/api/bookings/abc/cancel", "{\"reason\": \"x\"}", PLANNER);
		HttpResponse<String> unknown = post("/api/bookings/999999/cancel", "{\"reason\": \"x\"}", PLANNER);
		HttpResponse<String> oversized = post("/api/bookings/" + id + "/cancel",
				"{\"reason\": \"" + "x".repeat(1_100_000) + "\"}", PLANNER);
		// then
		for (HttpResponse<String> response : List.of(noReason, blankReason, malformed, wrongType, noBody, badId)) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(read(response).path("errors").size()).isPositive();
		}
		assertThat(fields(noReason)).containsExactly("reason");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(oversized.statusCode()).isEqualTo(413);
		assertThat(this.jdbc.sql("SELECT status FROM booking WHERE id = ?").params(id).query(String.class).single())
			.isEqualTo("dispatched");
	}

	@Test
	void bookingsAreListedByOccurrenceDateAndFilters() throws Exception {
		// given
		long eve = this.data.client("Eve Poe", this.north);
		long south = this.data.team("South");
		this.data.update("INSERT INTO client_team (client_id, team_id) VALUES (?, ?)", eve, south);
		long entry = this.data.scheduleEntry(this.bob, this.north);
		long early = this.data.booking(this.bob, this.north, entry, LocalDate.of(2026, 4, 14),
				Instant.parse("2026-04-14T07:00:00Z"), Instant.parse("2026-04-14T07:30:00Z"), "dispatched", this.ann);
		long late = this.data.booking(eve, south, null, LocalDate.of(2026, 4, 15),
				Instant.parse("2026-04-14T23:30:00Z"), Instant.parse("2026-04-15T00:30:00Z"), "partially_dispatched",
				this.cal);
		long next = this.data.booking(this.bob, this.north, entry, LocalDate.of(2026, 4, 16),
				Instant.parse("2026-04-16T07:00:00Z"), Instant.parse("2026-04-16T07:30:00Z"), "dispatched", this.ann,
				this.cal);
		this.data.update("UPDATE booking SET batch_id = 42 WHERE id = ?", next);
		// when
		JsonNode all = read(get("/api/bookings", VIEWER));
		JsonNode day = read(get("/api/bookings?from=2026-04-15&to=2026-04-15", VIEWER));
		JsonNode fromDay = read(get("/api/bookings?from=2026-04-15", VIEWER));
		JsonNode byClient = read(get("/api/bookings?clientId=" + this.bob, VIEWER));
		JsonNode byCarer = read(get("/api/bookings?carerId=" + this.cal, VIEWER));
		JsonNode byTeam = read(get("/api/bookings?teamId=" + south, VIEWER));
		JsonNode byBatch = read(get("/api/bookings?batchId=42", VIEWER));
		JsonNode secondPage = read(get("/api/bookings?page=1&size=2", VIEWER));
		// then
		assertThat(ids(all)).containsExactly(early, late, next);
		assertThat(all.path("totalElements").asLong()).isEqualTo(3);
		assertThat(all.path("content").path(0).path("scheduleEntryId").asLong()).isEqualTo(entry);
		assertThat(all.path("content").path(2).path("carerIds").toString())
			.isEqualTo("[" + this.ann + "," + this.cal + "]");
		assertThat(all.path("content").path(2).path("batchId").asLong()).isEqualTo(42);
		assertThat(ids(day)).containsExactly(late);
		assertThat(ids(fromDay)).containsExactly(late, next);
		assertThat(ids(byClient)).containsExactly(early, next);
		assertThat(ids(byCarer)).containsExactly(late, next);
		assertThat(ids(byTeam)).containsExactly(late);
		assertThat(ids(byBatch)).containsExactly(next);
		assertThat(ids(secondPage)).containsExactly(next);
		assertThat(secondPage.path("page").asInt()).isEqualTo(1);
		assertThat(secondPage.path("size").asInt()).isEqualTo(2);
		assertThat(secondPage.path("totalPages").asInt()).isEqualTo(2);
	}

	@Test
	void badListQueriesAreRefused() throws Exception {
		// when
		HttpResponse<String> unknown = get("/api/bookings?status=dispatched", VIEWER);
		HttpResponse<String> badDate = get("/api/bookings?from=14/04/2026", VIEWER);
		HttpResponse<String> reversed = get("/api/bookings?from=2026-04-15&to=2026-04-14", VIEWER);
		HttpResponse<String> badSize = get("/api/bookings?size=501", VIEWER);
		HttpResponse<String> missing = get("/api/bookings/999999", VIEWER);
		// then
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(fields(unknown)).containsExactly("status");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(fields(badDate)).containsExactly("from");
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(fields(reversed)).containsExactly("to");
		assertThat(badSize.statusCode()).isEqualTo(400);
		assertThat(missing.statusCode()).isEqualTo(404);
	}

	@Test
	void readingNeedsViewBookingsAndWritingNeedsGenerateBookings() throws Exception {
		// given
		String visit = oneOff("2026-04-14T07:00:00Z", "2026-04-14T07:30:00Z", "[]", null);
		// when
		HttpResponse<String> anonymousList = get("/api/bookings", null);
		HttpResponse<String> anonymousCreate = post("/api/bookings", visit, null);
		HttpResponse<String> viewerCreate = post("/api/bookings", visit, VIEWER);
		HttpResponse<String> viewerCancel = post("/api/bookings/1/cancel", "{\"reason\": \"x\"}", VIEWER);
		HttpResponse<String> viewerList = get("/api/bookings", VIEWER);
		// then
		assertThat(anonymousList.statusCode()).isEqualTo(401);
		assertThat(anonymousCreate.statusCode()).isEqualTo(401);
		assertThat(viewerCreate.statusCode()).isEqualTo(403);
		assertThat(viewerCancel.statusCode()).isEqualTo(403);
		assertThat(viewerList.statusCode()).isEqualTo(200);
		assertThat(bookings()).isZero();
		assertThat(carerSlots()).isZero();
	}

	@Test
	void concurrentOneOffsForTheSameCarerAndTimeDoNotBothSucceed() throws Exception {
		// given: different clients, so that only the carer ties them
		List<Long> clients = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			long client = this.data.client("Client " + i, this.north);
			this.data.contract(client, "personal care", LocalDate.of(2026, 1, 1), null);
			clients.add(client);
		}
		// when
		List<CompletableFuture<HttpResponse<String>>> responses = clients.stream()
			.map((client) -> this.http
				.sendAsync(request("/api/bookings", PLANNER).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"clientId": %d, "teamId": %d, "startsAt": "2026-04-14T07:00:00Z",
							 "endsAt": "2026-04-14T08:00:00Z", "carerIds": [%d]}
							""".formatted(client, this.north, this.ann)))
					.build(), HttpResponse.BodyHandlers.ofString()))
			.toList();
		List<Integer> statuses = responses.stream().map((response) -> response.join().statusCode()).toList();
		// then
		assertThat(statuses).containsOnly(201, 422).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(bookings()).isEqualTo(1);
	}

	/** A one-off booking of Bob Cox in North. */
	private String oneOff(String startsAt, String endsAt, String carerIds, Integer carersRequired) {
		return "{\"clientId\": %d, \"teamId\": %d, \"startsAt\": \"%s\", \"endsAt\": \"%s\", \"carerIds\": %s%s}"
			.formatted(this.bob, this.north, startsAt, endsAt, carerIds,
					(carersRequired != null) ? ", \"carersRequired\": " + carersRequired : "");
	}

	private HttpResponse<String> post(String path, String body, String credentials) throws Exception {
		return this.http.send(request(path, credentials).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		return this.http.send(request(path, credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (credentials != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
		}
		return request;
	}

	private JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private JsonNode withoutIssues(JsonNode booking) {
		ObjectNode copy = (ObjectNode) booking.deepCopy();
		copy.remove("issues");
		return copy;
	}

	private List<String> fields(HttpResponse<String> response) {
		List<String> fields = new ArrayList<>();
		read(response).path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

	private List<String> errors(HttpResponse<String> response) {
		List<String> errors = new ArrayList<>();
		read(response).path("errors")
			.forEach((error) -> errors.add(error.path("field").asString() + ": " + error.path("message").asString()));
		return errors;
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("content").forEach((booking) -> ids.add(booking.path("id").asLong()));
		return ids;
	}

	private long bookings() {
		return this.jdbc.sql("SELECT COUNT(*) FROM booking").query(Long.class).single();
	}

	private long carerSlots() {
		return this.jdbc.sql("SELECT COUNT(*) FROM booking_carer").query(Long.class).single();
	}

}
