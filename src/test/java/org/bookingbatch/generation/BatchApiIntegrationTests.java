package org.bookingbatch.generation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch endpoints of api.md with their paths and fields: preview, start (names,
 * refusals, the blocking rule), list, detail, timeline, entries and the actuator
 * endpoint.
 */
class BatchApiIntegrationTests extends GenerationIntegrationTestSupport {

	/** A week that lies in one month: Monday 5 to Sunday 11 April 2027. */
	static final LocalDate APRIL_5 = LocalDate.of(2027, 4, 5);

	static final LocalDate APRIL_11 = LocalDate.of(2027, 4, 11);

	@Test
	void previewCountsTheOccurrencesOfEachDayAndThoseAlreadyBooked() {
		// given
		northTeamWeek();
		long south = this.fixtures.team("South");
		long dora = this.fixtures.client("Dora Fox", south);
		long southEntry = this.fixtures.entry(dora, south, EVERY_DAY, LocalTime.of(9, 0), 30, 1, List.of(),
				this.monday.minusWeeks(1));
		LocalDate tuesday = this.monday.plusDays(1);
		bookOccurrence(this.clash1, tuesday, "dispatched");
		bookOccurrence(southEntry, tuesday, "dispatched");
		// when
		TestHttp.Response north = this.http.get("planner",
				"/api/booking-batches/preview?from=" + this.monday + "&to=" + this.sunday + "&teamIds=" + this.team);
		TestHttp.Response all = this.http.get("planner",
				"/api/booking-batches/preview?from=" + this.monday + "&to=" + this.sunday);
		// then
		assertThat(north.status()).as(north.body()).isEqualTo(200);
		JsonNode preview = north.json();
		assertThat(fieldNames(preview)).containsExactlyInAnyOrder("from", "to", "teamIds", "days", "totalOccurrences",
				"totalAlreadyBooked");
		assertThat(preview.get("from").asString()).isEqualTo(this.monday.toString());
		assertThat(preview.get("to").asString()).isEqualTo(this.sunday.toString());
		assertThat(preview.get("teamIds").get(0).asLong()).isEqualTo(this.team);
		assertThat(preview.get("days")).hasSize(7);
		for (int i = 0; i < 7; i++) {
			JsonNode day = preview.get("days").get(i);
			assertThat(fieldNames(day)).containsExactlyInAnyOrder("date", "occurrences", "alreadyBooked");
			assertThat(day.get("date").asString()).isEqualTo(this.monday.plusDays(i).toString());
			assertThat(day.get("occurrences").asInt()).as("day %d", i).isEqualTo((i < 5) ? 3 : 1);
			assertThat(day.get("alreadyBooked").asInt()).as("day %d", i).isEqualTo((i == 1) ? 1 : 0);
		}
		assertThat(preview.get("totalOccurrences").asInt()).isEqualTo(17);
		assertThat(preview.get("totalAlreadyBooked").asInt()).isEqualTo(1);
		assertThat(all.json().get("totalOccurrences").asInt()).isEqualTo(24);
		assertThat(all.json().get("totalAlreadyBooked").asInt()).isEqualTo(2);
		assertThat(all.json().get("days").get(1).get("alreadyBooked").asInt()).isEqualTo(2);
	}

	@Test
	void previewRefusesBadRangesUnknownTeamsAndUnknownParameters() {
		// given
		long team = this.fixtures.team("North");
		// when / then
		assertBadRequest(this.http.get("planner", "/api/booking-batches/preview?to=" + this.sunday), "from");
		assertBadRequest(
				this.http.get("planner", "/api/booking-batches/preview?from=" + this.sunday + "&to=" + this.monday),
				"to");
		assertBadRequest(this.http.get("planner",
				"/api/booking-batches/preview?from=" + this.monday + "&to=" + this.monday.plusDays(92)), "to");
		assertBadRequest(this.http.get("planner",
				"/api/booking-batches/preview?from=" + this.monday + "&to=" + this.sunday + "&teamIds=" + (team + 99)),
				"teamIds[0]");
		assertBadRequest(this.http.get("planner",
				"/api/booking-batches/preview?from=" + this.monday + "&to=" + this.sunday + "&team=1"), "team");
		assertBadRequest(this.http.get("planner", "/api/booking-batches/preview?from=tomorrow&to=" + this.sunday),
				"from");
		assertThat(this.http.get("viewer", "/api/booking-batches/preview?from=" + this.monday + "&to=" + this.sunday)
			.status()).isEqualTo(403);
	}

	@Test
	void startAnswersTheBatchWithAGeneratedNameThatNamesTheTeams() {
		// given
		long teamC = this.fixtures.team("Team C");
		long teamA = this.fixtures.team("Team A");
		long teamB = this.fixtures.team("Team B");
		// when
		TestHttp.Response one = startResponse("planner", APRIL_5, APRIL_11, List.of(teamA), null);
		TestHttp.Response two = startResponse("planner", APRIL_5, APRIL_11, List.of(teamB, teamA), null);
		TestHttp.Response three = startResponse("planner", APRIL_5, APRIL_11, List.of(teamC, teamB, teamA), null);
		TestHttp.Response none = startResponse("planner", APRIL_5, APRIL_11, List.of(), null);
		TestHttp.Response omitted = startResponse("planner", LocalDate.of(2027, 3, 29), APRIL_5, null, null);
		TestHttp.Response named = startResponse("planner", APRIL_5, APRIL_5, List.of(teamA), "  Easter cover  ");
		// then
		for (TestHttp.Response response : List.of(one, two, three, none, omitted, named)) {
			assertThat(response.status()).as(response.body()).isEqualTo(202);
			long id = response.json().get("id").asLong();
			assertThat(response.location()).endsWith("/api/booking-batches/" + id);
			assertThat(response.json().get("status").asString()).isEqualTo("PENDING");
			assertThat(response.json().get("origin").asString()).isEqualTo("ADMIN");
			assertThat(response.json().get("createdBy").asString()).isEqualTo("planner");
		}
		assertThat(name(one)).isEqualTo("Batch #" + id(one) + " · 5–11 Apr 2027 (Team A)");
		assertThat(name(two)).isEqualTo("Batch #" + id(two) + " · 5–11 Apr 2027 (Team A, Team B)");
		assertThat(name(three)).isEqualTo("Batch #" + id(three) + " · 5–11 Apr 2027 (Team A +2)");
		assertThat(name(none)).isEqualTo("Batch #" + id(none) + " · 5–11 Apr 2027 (All teams)");
		assertThat(name(omitted)).isEqualTo("Batch #" + id(omitted) + " · 29 Mar – 5 Apr 2027 (All teams)");
		assertThat(name(named)).isEqualTo("Easter cover");
		assertThat(two.json().get("teamIds").toString()).isEqualTo("[" + teamA + "," + teamB + "]");
		assertThat(none.json().get("teamIds")).isEmpty();
		assertThat(omitted.json().get("teamIds")).isEmpty();
		for (TestHttp.Response response : List.of(one, two, three, none, omitted, named)) {
			awaitStatus(id(response), "VALIDATED");
		}
	}

	@Test
	void startRefusesBadRangesLongRangesAndUnknownTeamsWithEveryFieldAtOnce() {
		// given
		long team = this.fixtures.team("North");
		// when / then
		TestHttp.Response missing = this.http.post("planner", "/api/booking-batches", "{}");
		assertBadRequest(missing, "from", "to");
		assertBadRequest(startResponse("planner", this.sunday, this.monday, null, null), "to");
		assertBadRequest(startResponse("planner", this.monday, this.monday.plusDays(92), null, null), "to");
		assertBadRequest(startResponse("planner", this.monday, this.monday.plusDays(92), List.of(team, team + 7), null),
				"to", "teamIds[1]");
		assertBadRequest(startResponse("planner", this.monday, this.sunday, null, "x".repeat(201)), "name");
		assertBadRequest(this.http.post("planner", "/api/booking-batches", "{\"from\":\"2027-02-30\",\"to\":\"x\"}"));
		assertBadRequest(this.http.post("planner", "/api/booking-batches", "{\"from\":"));
		assertBadRequest(this.http.post("planner", "/api/booking-batches",
				"{\"from\":\"" + this.monday + "\",\"to\":\"" + this.sunday + "\",\"teamIds\":\"all\"}"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking_batch").query(Long.class).single()).isZero();
		// the longest range allowed: booking.generation.max-range-days (92) days
		TestHttp.Response longest = startResponse("planner", this.monday, this.monday.plusDays(91), null, null);
		assertThat(longest.status()).as(longest.body()).isEqualTo(202);
		awaitStatus(id(longest), "VALIDATED");
	}

	@Test
	void startIsRefusedWhileABatchMidCreationOverlapsRangeAndTeams() {
		// given
		long north = this.fixtures.team("North");
		long south = this.fixtures.team("South");
		long east = this.fixtures.team("East");
		long northBatch = start(APRIL_5, APRIL_11, List.of(north, south));
		long allTeamsBatch = start(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 9), List.of());
		awaitStatus(northBatch, "VALIDATED");
		awaitStatus(allTeamsBatch, "VALIDATED");
		for (String status : List.of("CONFIRMING", "CONFIRMED", "CREATING")) {
			setStatus(northBatch, status);
			setStatus(allTeamsBatch, status);
			// when
			TestHttp.Response overlapping = startResponse("planner", APRIL_11, APRIL_11.plusDays(3), List.of(north),
					null);
			TestHttp.Response allTeams = startResponse("planner", APRIL_5.minusDays(3), APRIL_5, null, null);
			TestHttp.Response anyTeam = startResponse("planner", LocalDate.of(2027, 5, 9), LocalDate.of(2027, 5, 9),
					List.of(east), null);
			// then
			for (TestHttp.Response refused : List.of(overlapping, allTeams)) {
				assertThat(refused.status()).as(status + ": " + refused.body()).isEqualTo(409);
				JsonNode blocking = refused.json().get("blockingBatches");
				assertThat(blocking).hasSize(1);
				assertThat(fieldNames(blocking.get(0))).containsExactlyInAnyOrder("id", "name", "status");
				assertThat(blocking.get(0).get("id").asLong()).isEqualTo(northBatch);
				assertThat(blocking.get(0).get("name").asString()).isEqualTo(batch(northBatch).get("name").asString());
				assertThat(blocking.get(0).get("status").asString()).isEqualTo(status);
			}
			assertThat(anyTeam.status()).isEqualTo(409);
			assertThat(anyTeam.json().get("blockingBatches").get(0).get("id").asLong()).isEqualTo(allTeamsBatch);
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking_batch").query(Long.class).single()).isEqualTo(2);

		// when: other teams, a range that touches without overlapping, or a batch that
		// is not mid-creation
		List<Long> started = new ArrayList<>();
		started.add(start(APRIL_5, APRIL_11, List.of(east)));
		started.add(start(APRIL_11.plusDays(1), APRIL_11.plusDays(7), List.of(north)));
		started.add(start(APRIL_5.minusDays(7), APRIL_5.minusDays(1), List.of()));
		setStatus(northBatch, "VALIDATED");
		started.add(start(APRIL_5, APRIL_11, List.of(north)));
		// then
		for (long id : started) {
			awaitStatus(id, "VALIDATED");
		}
	}

	@Test
	void listFiltersByStatusAndHidesDoneBatchesByDefault() {
		// given
		long validated = start(APRIL_5, APRIL_5, List.of());
		long cancelled = start(APRIL_5.plusDays(1), APRIL_5.plusDays(1), List.of());
		long done = start(APRIL_5.plusDays(2), APRIL_5.plusDays(2), List.of());
		awaitStatus(validated, "VALIDATED");
		awaitStatus(cancelled, "VALIDATED");
		awaitStatus(done, "VALIDATED");
		assertThat(action("planner", cancelled, "cancel").status()).isEqualTo(202);
		assertThat(action("planner", done, "cancel").status()).isEqualTo(202);
		assertThat(action("planner", done, "done").status()).isEqualTo(202);
		// when
		JsonNode all = this.http.get("viewer", "/api/booking-batches").json();
		JsonNode withDone = this.http.get("viewer", "/api/booking-batches?includeDone=true").json();
		JsonNode cancelledOnly = this.http.get("viewer", "/api/booking-batches?status=CANCELLED").json();
		JsonNode cancelledWithDone = this.http
			.get("viewer", "/api/booking-batches?status=CANCELLED,VALIDATED&includeDone=true")
			.json();
		JsonNode paged = this.http.get("viewer", "/api/booking-batches?includeDone=true&size=2&page=1").json();
		// then
		assertThat(ids(all)).containsExactly(cancelled, validated);
		assertThat(all.get("totalElements").asLong()).isEqualTo(2);
		assertThat(ids(withDone)).containsExactly(done, cancelled, validated);
		assertThat(ids(cancelledOnly)).containsExactly(cancelled);
		assertThat(ids(cancelledWithDone)).containsExactly(done, cancelled, validated);
		assertThat(fieldNames(paged)).containsExactlyInAnyOrder("content", "page", "size", "totalElements",
				"totalPages");
		assertThat(ids(paged)).containsExactly(validated);
		assertThat(paged.get("page").asInt()).isOne();
		assertThat(paged.get("size").asInt()).isEqualTo(2);
		assertThat(paged.get("totalElements").asInt()).isEqualTo(3);
		assertThat(paged.get("totalPages").asInt()).isEqualTo(2);
		assertBadRequest(this.http.get("viewer", "/api/booking-batches?status=SLEEPING"), "status");
		assertBadRequest(this.http.get("viewer", "/api/booking-batches?sort=name"), "sort");
		assertBadRequest(this.http.get("viewer", "/api/booking-batches?includeDone=maybe"), "includeDone");
		assertBadRequest(this.http.get("viewer", "/api/booking-batches?size=501"), "size");
	}

	@Test
	void detailShowsCountsProgressAndAvailableActionsAndTheTimelineTellsWhatHappened() {
		// given
		northTeamWeek();
		long id = startValidated();
		// when
		JsonNode batch = batch(id);
		List<JsonNode> timeline = timeline(id);
		// then
		assertThat(fieldNames(batch)).containsExactlyInAnyOrder("id", "number", "name", "from", "to", "teamIds",
				"status", "availableActions", "counts", "progress", "stalled", "origin", "retryOfId", "retriedAsId",
				"createdBy", "createdAt", "updatedAt", "finishedAt", "failureReason");
		assertThat(batch.get("number").asLong()).isEqualTo(id);
		assertThat(batch.get("from").asString()).isEqualTo(this.monday.toString());
		assertThat(batch.get("to").asString()).isEqualTo(this.sunday.toString());
		assertThat(batch.get("stalled").asBoolean()).isFalse();
		assertThat(batch.get("finishedAt").isNull()).isTrue();
		assertThat(batch.get("retryOfId").isNull()).isTrue();
		assertThat(Instant.parse(batch.get("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
		assertThat(batch.get("createdAt").asString()).endsWith("Z");
		assertThat(counts(batch)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("total", 17),
				Map.entry("pending", 0), Map.entry("valid", 7), Map.entry("invalid", 10), Map.entry("warnings", 7),
				Map.entry("stale", 0), Map.entry("selected", 7), Map.entry("confirmed", 0), Map.entry("creating", 0),
				Map.entry("created", 0), Map.entry("failed", 0), Map.entry("skipped", 0), Map.entry("removed", 0)));
		assertThat(fieldNames(batch.get("progress"))).containsExactlyInAnyOrder("phase", "done", "total", "percent");
		assertThat(batch.get("progress").get("phase").asString()).isEqualTo("VALIDATED");
		assertThat(batch.get("progress").get("done").asInt()).isEqualTo(17);
		assertThat(batch.get("progress").get("total").asInt()).isEqualTo(17);
		assertThat(batch.get("progress").get("percent").asInt()).isEqualTo(100);
		assertThat(actions(batch)).containsExactlyInAnyOrder("CONFIRM", "REFRESH_ENTRIES", "REVALIDATE_STALE",
				"REMOVE_ENTRIES", "EDIT_ENTRIES", "AUTO_RESOLVE_CLASHES", "CANCEL");

		assertThat(timeline).extracting((event) -> event.get("toStatus").asString())
			.containsExactly("PENDING", "BUILDING_ENTRIES", "VALIDATING", "VALIDATED");
		assertThat(timeline)
			.extracting((event) -> event.get("fromStatus").isNull() ? null : event.get("fromStatus").asString())
			.containsExactly(null, "PENDING", "BUILDING_ENTRIES", "VALIDATING");
		assertThat(fieldNames(timeline.get(0))).containsExactlyInAnyOrder("at", "type", "fromStatus", "toStatus",
				"actor", "message");
		assertThat(timeline.get(0).get("type").asString()).isEqualTo("STATUS_CHANGED");
		assertThat(timeline.get(0).get("actor").asString()).isEqualTo("coordinator");
		assertThat(timeline.get(3).get("actor").asString()).isEqualTo("system");
		assertThat(timeline.get(3).get("message").asString()).contains("17 entries", "7 valid", "10 invalid");
		List<Instant> times = timeline.stream().map((event) -> Instant.parse(event.get("at").asString())).toList();
		assertThat(times).isSorted();
	}

	@Test
	void entriesCanBeFilteredByEveryFilterAndPaged() {
		// given
		northTeamWeek();
		long id = startValidated();
		long mondayEntry = entryId(id, this.doubleHanded, this.monday);
		this.http.patch("planner", "/api/booking-batches/" + id + "/entries/" + mondayEntry, "{\"selected\":false}");
		// when / then
		assertThat(entries(id)).hasSize(17);
		assertThat(entries(id, "status=INVALID")).hasSize(10);
		assertThat(entries(id, "status=VALID")).hasSize(7);
		assertThat(entries(id, "status=VALID,INVALID")).hasSize(17);
		assertThat(entries(id, "status=CREATED")).isEmpty();
		assertThat(entries(id, "issue=CARER_CLASH")).hasSize(10);
		assertThat(entries(id, "issue=UNALLOCATED")).hasSize(7);
		assertThat(entries(id, "issue=CLIENT_CLASH")).isEmpty();
		assertThat(entries(id, "clientId=" + this.alice)).hasSize(5)
			.allSatisfy((entry) -> assertThat(entry.get("clientId").asLong()).isEqualTo(this.alice));
		assertThat(entries(id, "carerId=" + this.ann)).hasSize(10);
		assertThat(entries(id, "carerId=" + this.ben)).hasSize(7);
		assertThat(entries(id, "stale=false")).hasSize(17);
		assertThat(entries(id, "stale=true")).isEmpty();
		assertThat(entries(id, "selected=true")).hasSize(6);
		assertThat(entries(id, "selected=false")).hasSize(11);
		assertThat(entries(id, "status=VALID&selected=false")).singleElement()
			.satisfies((entry) -> assertThat(entry.get("id").asLong()).isEqualTo(mondayEntry));
		assertThat(entries(id, "status=INVALID&issue=CARER_CLASH&clientId=" + this.bob + "&carerId=" + this.ann
				+ "&stale=false&selected=false"))
			.hasSize(5);

		JsonNode page = this.http.get("viewer", "/api/booking-batches/" + id + "/entries?size=5&page=3").json();
		assertThat(page.get("content")).hasSize(2);
		assertThat(page.get("totalElements").asInt()).isEqualTo(17);
		assertThat(page.get("totalPages").asInt()).isEqualTo(4);
		assertThat(page.get("page").asInt()).isEqualTo(3);
		assertThat(page.get("size").asInt()).isEqualTo(5);
		JsonNode defaults = this.http.get("viewer", "/api/booking-batches/" + id + "/entries").json();
		assertThat(defaults.get("size").asInt()).isEqualTo(50);
		assertThat(defaults.get("page").asInt()).isZero();

		JsonNode entry = entry(id, this.clash1, this.monday);
		assertThat(fieldNames(entry)).containsExactlyInAnyOrder("id", "scheduleEntryId", "clientId", "teamId",
				"occurrenceDate", "startsAt", "endsAt", "carersRequired", "carerIds", "status", "selected", "stale",
				"issues", "bookingId", "error");
		assertThat(entry.get("startsAt").asString())
			.isEqualTo(GenerationFixtures.at(this.monday, LocalTime.of(8, 0)).toString());
		assertThat(entry.get("endsAt").asString())
			.isEqualTo(GenerationFixtures.at(this.monday, LocalTime.of(8, 30)).toString());
		assertThat(entry.get("teamId").asLong()).isEqualTo(this.team);
		assertThat(entry.get("carerIds").toString()).isEqualTo("[" + this.ann + "]");
		assertThat(entry.get("status").asString()).isEqualTo("INVALID");
		assertThat(entry.get("bookingId").isNull()).isTrue();
		assertThat(fieldNames(entry.get("issues").get(0))).containsExactlyInAnyOrder("code", "severity", "message");
		assertThat(entry.get("issues").get(0).get("code").asString()).isEqualTo("CARER_CLASH");
		assertThat(entry.get("issues").get(0).get("severity").asString()).isEqualTo("ERROR");

		assertBadRequest(this.http.get("viewer", "/api/booking-batches/" + id + "/entries?carer=1"), "carer");
		assertBadRequest(this.http.get("viewer", "/api/booking-batches/" + id + "/entries?status=REMOVED"), "status");
		assertBadRequest(this.http.get("viewer", "/api/booking-batches/" + id + "/entries?status=LOST"), "status");
		assertBadRequest(this.http.get("viewer", "/api/booking-batches/" + id + "/entries?issue=LATE"), "issue");
		assertBadRequest(this.http.get("viewer", "/api/booking-batches/" + id + "/entries?stale=perhaps"), "stale");
		assertBadRequest(this.http.get("viewer", "/api/booking-batches/" + id + "/entries?clientId=x"), "clientId");
		assertBadRequest(this.http.get("viewer", "/api/booking-batches/" + id + "/entries?page=-1"), "page");
	}

	@Test
	void actuatorStartsBatchesForAdminsAndListsTheActiveOnes() {
		// given
		long north = this.fixtures.team("North");
		long south = this.fixtures.team("South");
		// the actuator reads string values only: the teams come comma-separated
		String body = "{\"from\":\"" + APRIL_5 + "\",\"to\":\"" + APRIL_11 + "\",\"teamIds\":\"" + north + "," + south
				+ "\"}";
		// when
		TestHttp.Response forbidden = this.http.post("coordinator", "/actuator/bookinggeneration", body);
		TestHttp.Response started = this.http.post("admin", "/actuator/bookinggeneration", body);
		TestHttp.Response allTeams = this.http.post("admin", "/actuator/bookinggeneration",
				"{\"from\":\"" + APRIL_5.plusWeeks(1) + "\",\"to\":\"" + APRIL_11.plusWeeks(1) + "\"}");
		TestHttp.Response invalid = this.http.post("admin", "/actuator/bookinggeneration",
				"{\"from\":\"" + APRIL_11 + "\",\"to\":\"" + APRIL_5 + "\"}");
		TestHttp.Response unknownTeam = this.http.post("admin", "/actuator/bookinggeneration",
				"{\"from\":\"" + APRIL_5 + "\",\"to\":\"" + APRIL_11 + "\",\"teamIds\":\"" + north + ",x\"}");
		// then
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.json().get("origin").asString()).isEqualTo("ACTUATOR");
		assertThat(started.json().get("createdBy").asString()).isEqualTo("admin");
		assertThat(started.json().get("teamIds").toString()).isEqualTo("[" + north + "," + south + "]");
		assertThat(allTeams.status()).as(allTeams.body()).isEqualTo(202);
		assertThat(allTeams.json().get("teamIds")).isEmpty();
		assertBadRequest(invalid, "to");
		assertBadRequest(unknownTeam, "teamIds");
		long id = started.json().get("id").asLong();
		JsonNode batch = awaitStatus(id, "VALIDATED");
		assertThat(batch.get("origin").asString()).isEqualTo("ACTUATOR");
		assertThat(timeline(id).get(0).get("message").asString()).contains("actuator");
		awaitStatus(allTeams.json().get("id").asLong(), "VALIDATED");

		// when: one batch is done with
		action("admin", allTeams.json().get("id").asLong(), "cancel");
		TestHttp.Response status = this.http.get("admin", "/actuator/bookinggeneration");
		// then
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().get("active")).extracting((active) -> active.get("id").asLong()).containsExactly(id);
		assertThat(status.json().get("stalled")).isEmpty();
		assertThat(this.http.get("coordinator", "/actuator/bookinggeneration").status()).isEqualTo(403);
	}

	private static String name(TestHttp.Response response) {
		return response.json().get("name").asString();
	}

	private static long id(TestHttp.Response response) {
		return response.json().get("id").asLong();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("content").forEach((batch) -> ids.add(batch.get("id").asLong()));
		return ids;
	}

	static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	static List<String> actions(JsonNode batch) {
		List<String> actions = new ArrayList<>();
		batch.get("availableActions").forEach((action) -> actions.add(action.asString()));
		return actions;
	}

	static Map<String, Integer> counts(JsonNode batch) {
		Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		batch.get("counts").properties().forEach((count) -> counts.put(count.getKey(), count.getValue().asInt()));
		return counts;
	}

	static void assertBadRequest(TestHttp.Response response, String... fields) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("status").asInt()).isEqualTo(400);
		List<String> reported = new ArrayList<>();
		response.json().get("errors").forEach((error) -> reported.add(error.get("field").asString()));
		assertThat(reported).as(response.body()).containsAll(List.of(fields));
	}

}
