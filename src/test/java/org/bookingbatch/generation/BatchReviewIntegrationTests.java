package org.bookingbatch.generation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.generation.BatchApiIntegrationTests.actions;
import static org.bookingbatch.generation.BatchApiIntegrationTests.assertBadRequest;

/**
 * What a user does while a batch waits for review: edit carers, select, remove, auto
 * resolve carer clashes and refresh the entries.
 */
class BatchReviewIntegrationTests extends GenerationIntegrationTestSupport {

	@Test
	void editedCarersAreRevalidatedAtOnceTogetherWithTheEntriesTheyClashedWith() {
		// given
		northTeamWeek();
		long id = startValidated();
		long bobMonday = entryId(id, this.clash2, this.monday);
		// when
		TestHttp.Response patched = patch(id, bobMonday, "{\"carerIds\":[" + this.ben + "]}");
		// then
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("id").asLong()).isEqualTo(bobMonday);
		assertThat(patched.json().get("carerIds").toString()).isEqualTo("[" + this.ben + "]");
		assertThat(patched.json().get("status").asString()).isEqualTo("VALID");
		assertThat(patched.json().get("selected").asBoolean()).isTrue();
		assertThat(patched.json().get("issues")).isEmpty();
		JsonNode aliceMonday = entry(id, this.clash1, this.monday);
		assertThat(aliceMonday.get("status").asString()).isEqualTo("VALID");
		assertThat(aliceMonday.get("issues")).isEmpty();
		assertThat(entry(id, this.clash1, this.monday.plusDays(1)).get("status").asString()).isEqualTo("INVALID");
		JsonNode counts = counts(id);
		assertThat(counts.get("valid").asInt()).isEqualTo(9);
		assertThat(counts.get("invalid").asInt()).isEqualTo(8);
		assertThat(counts.get("selected").asInt()).isEqualTo(9);
		assertThat(timeline(id)).anySatisfy((event) -> {
			assertThat(event.get("type").asString()).isEqualTo("ENTRY_EDITED");
			assertThat(event.get("actor").asString()).isEqualTo("planner");
		});

		// when: the carer goes back, the clash comes back on both sides
		TestHttp.Response back = patch(id, bobMonday, "{\"carerIds\":[" + this.ann + "]}");
		// then
		assertThat(back.json().get("status").asString()).isEqualTo("INVALID");
		assertThat(back.json().get("issues").get(0).get("code").asString()).isEqualTo("CARER_CLASH");
		assertThat(entry(id, this.clash1, this.monday).get("status").asString()).isEqualTo("INVALID");
		assertThat(counts(id).get("invalid").asInt()).isEqualTo(10);

		// when: no carers on a double-handed visit, a carer of another team
		long south = this.fixtures.team("South");
		long sam = this.fixtures.carer("Sam Hill", south);
		long cara = entryId(id, this.doubleHanded, this.monday);
		TestHttp.Response unallocated = patch(id, cara, "{\"carerIds\":[]}");
		TestHttp.Response otherTeam = patch(id, entryId(id, this.doubleHanded, this.sunday),
				"{\"carerIds\":[" + this.ben + "," + sam + "]}");
		// then
		assertThat(unallocated.json().get("status").asString()).isEqualTo("VALID");
		assertThat(unallocated.json().get("carerIds")).isEmpty();
		assertThat(unallocated.json().get("issues").get(0).get("code").asString()).isEqualTo("UNALLOCATED");
		assertThat(otherTeam.json().get("status").asString()).isEqualTo("INVALID");
		assertThat(otherTeam.json().get("selected").asBoolean()).isFalse();
		assertThat(otherTeam.json().get("issues")).extracting((issue) -> issue.get("code").asString())
			.contains("CARER_NOT_IN_TEAM");
	}

	@Test
	void invalidCarersAreRefusedAndInvalidEntriesCannotBeSelected() {
		// given
		northTeamWeek();
		long id = startValidated();
		long bobMonday = entryId(id, this.clash2, this.monday);
		long cara = entryId(id, this.doubleHanded, this.monday);
		int versions = versions(id);
		// when / then
		assertBadRequest(patch(id, bobMonday, "{\"carerIds\":[" + this.ann + "," + this.ben + "]}"), "carerIds");
		assertBadRequest(patch(id, bobMonday, "{\"carerIds\":[" + (this.ben + 1000) + "]}"), "carerIds[0]");
		assertBadRequest(patch(id, cara, "{\"carerIds\":[" + this.ben + "," + this.ben + "]}"), "carerIds");
		assertBadRequest(patch(id, cara, "{\"carerIds\":\"Ben\"}"), "carerIds");
		assertBadRequest(patch(id, cara, "{}"));
		TestHttp.Response selectInvalid = patch(id, bobMonday, "{\"selected\":true}");
		assertThat(selectInvalid.status()).isEqualTo(409);
		assertThat(selectInvalid.json().get("batchStatus").asString()).isEqualTo("VALIDATED");
		assertThat(actions(selectInvalid.json())).contains("CONFIRM", "EDIT_ENTRIES");
		assertThat(versions(id)).isEqualTo(versions);

		// when: a valid entry is deselected and selected again
		TestHttp.Response deselected = patch(id, cara, "{\"selected\":false}");
		int selectedAfterDeselect = counts(id).get("selected").asInt();
		TestHttp.Response selected = patch(id, cara, "{\"selected\":true}");
		// then
		assertThat(deselected.json().get("selected").asBoolean()).isFalse();
		assertThat(selectedAfterDeselect).isEqualTo(6);
		assertThat(selected.json().get("selected").asBoolean()).isTrue();
		assertThat(counts(id).get("selected").asInt()).isEqualTo(7);
	}

	@Test
	void entriesAreSelectedAndDeselectedByIdsOrAllAtOnce() {
		// given
		northTeamWeek();
		long id = startValidated();
		long caraMonday = entryId(id, this.doubleHanded, this.monday);
		long caraTuesday = entryId(id, this.doubleHanded, this.monday.plusDays(1));
		long bobMonday = entryId(id, this.clash2, this.monday);
		// when / then
		assertThat(select(id, "{\"all\":true,\"selected\":false}").json().get("updated").asInt()).isEqualTo(7);
		assertThat(counts(id).get("selected").asInt()).isZero();
		assertThat(select(id,
				"{\"entryIds\":[" + caraMonday + "," + caraTuesday + "," + bobMonday + "],\"selected\":true}")
			.json()
			.get("updated")
			.asInt()).as("an invalid entry is not selected").isEqualTo(2);
		assertThat(entries(id, "selected=true")).extracting((entry) -> entry.get("id").asLong())
			.containsExactlyInAnyOrder(caraMonday, caraTuesday);
		assertThat(counts(id).get("selected").asInt()).isEqualTo(2);
		assertThat(select(id, "{\"all\":true,\"selected\":true}").json().get("updated").asInt()).isEqualTo(5);
		assertThat(counts(id).get("selected").asInt()).isEqualTo(7);
		assertThat(select(id, "{\"entryIds\":[" + caraMonday + "],\"selected\":false}").json().get("updated").asInt())
			.isOne();
		assertThat(counts(id).get("selected").asInt()).isEqualTo(6);
		assertThat(timeline(id)).extracting((event) -> event.get("type").asString()).contains("SELECTED", "DESELECTED");

		assertBadRequest(select(id, "{\"all\":true}"), "selected");
		assertBadRequest(select(id, "{\"selected\":true}"), "entryIds");
		assertBadRequest(select(id, "{\"entryIds\":[],\"selected\":true}"), "entryIds");
		assertBadRequest(select(id, "{\"entryIds\":[" + caraMonday + "],\"all\":true,\"selected\":true}"), "all");
	}

	@Test
	void entriesAreRemovedByIdsOrByIssueAndStayOutOfTheBatch() {
		// given
		northTeamWeek();
		long id = startValidated();
		long other = startValidated();
		long caraMonday = entryId(id, this.doubleHanded, this.monday);
		long aliceMonday = entryId(id, this.clash1, this.monday);
		long othersEntry = entryId(other, this.doubleHanded, this.monday);
		// when
		TestHttp.Response byIds = remove(id, "{\"entryIds\":[" + caraMonday + "," + aliceMonday + "]}");
		// then
		assertThat(byIds.status()).as(byIds.body()).isEqualTo(200);
		assertThat(byIds.json().get("removed").asInt()).isEqualTo(2);
		JsonNode counts = counts(id);
		assertThat(counts.get("removed").asInt()).isEqualTo(2);
		assertThat(counts.get("total").asInt()).isEqualTo(15);
		assertThat(counts.get("valid").asInt()).isEqualTo(6);
		assertThat(counts.get("invalid").asInt()).isEqualTo(9);
		assertThat(counts.get("selected").asInt()).isEqualTo(6);
		assertThat(entries(id)).extracting((entry) -> entry.get("id").asLong()).doesNotContain(caraMonday, aliceMonday);
		assertThat(patch(id, caraMonday, "{\"selected\":true}").status()).isEqualTo(404);

		// when: an entry of another batch, or one removed already, is not removed again
		TestHttp.Response foreign = remove(id, "{\"entryIds\":[" + othersEntry + "," + caraMonday + "]}");
		// then
		assertThat(foreign.json().get("removed").asInt()).isZero();
		assertThat(entry(other, this.doubleHanded, this.monday).get("carerIds").toString())
			.isEqualTo("[" + this.ben + "]");
		assertThat(counts(id).get("removed").asInt()).isEqualTo(2);

		// when: remove matching
		TestHttp.Response byIssue = remove(id, "{\"issue\":\"CARER_CLASH\"}");
		// then
		assertThat(byIssue.json().get("removed").asInt()).isEqualTo(9);
		assertThat(entries(id, "issue=CARER_CLASH")).isEmpty();
		assertThat(counts(id).get("total").asInt()).isEqualTo(6);
		assertThat(counts(id).get("removed").asInt()).isEqualTo(11);
		assertThat(counts(id).get("invalid").asInt()).isZero();
		assertThat(counts(other).get("total").asInt()).isEqualTo(17);
		assertThat(timeline(id)).anySatisfy((event) -> assertThat(event.get("message").asString())
			.contains("Removed 9 entries with issue CARER_CLASH"));

		assertBadRequest(remove(id, "{}"), "entryIds");
		assertBadRequest(remove(id, "{\"entryIds\":[" + caraMonday + "],\"issue\":\"CARER_CLASH\"}"), "entryIds");
		assertBadRequest(remove(id, "{\"issue\":\"NOT_A_CODE\"}"), "issue");
	}

	@Test
	void autoResolveReplacesAClashingCarerWithTheFreeTeamCarerWithTheFewestVisitsThatWeek() {
		// given: Ann is on two overlapping Wednesday visits
		WednesdayClash clash = wednesdayClash();
		long north = clash.team();
		long south = this.fixtures.team("South");
		long zed = this.fixtures.client("Zed Ash", north);
		long ben = this.fixtures.carer("Ben Moss", north);
		long carl = this.fixtures.carer("Carl Nye", north);
		long dan = this.fixtures.carer("Dan Orr", north);
		long eve = this.fixtures.carer("Eve Pratt", north);
		long fay = this.fixtures.carer("Fay Quinn", north);
		long gus = this.fixtures.carer("Gus Roe", south);
		// Ben is busy then; Carl has three visits that week, Dan one; Eve is absent,
		// Fay inactive, Gus in another team
		visit(zed, north, ben, clash.wednesday(), LocalTime.of(7, 30));
		visit(zed, north, carl, this.monday, LocalTime.of(12, 0));
		visit(zed, north, carl, this.monday.plusDays(1), LocalTime.of(12, 0));
		visit(zed, north, carl, this.monday.plusDays(4), LocalTime.of(12, 0));
		visit(zed, north, dan, this.monday.plusDays(1), LocalTime.of(14, 0));
		this.fixtures.absence(eve, GenerationFixtures.at(clash.wednesday(), LocalTime.of(6, 0)),
				GenerationFixtures.at(clash.wednesday(), LocalTime.of(18, 0)));
		this.jdbc.sql("UPDATE carer SET active = FALSE WHERE id = ?").param(fay).update();
		long id = startValidated();
		assertThat(counts(id).get("invalid").asInt()).isEqualTo(2);
		long aliceEntry = entryId(id, clash.aliceVisit(), clash.wednesday());
		long bobEntry = entryId(id, clash.bobVisit(), clash.wednesday());
		// when
		TestHttp.Response resolved = this.http.post("planner",
				"/api/booking-batches/" + id + "/entries/auto-resolve-clashes", "");
		// then
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		JsonNode results = resolved.json().get("results");
		assertThat(results).hasSize(1);
		assertThat(BatchApiIntegrationTests.fieldNames(results.get(0))).containsExactlyInAnyOrder("entryId", "outcome",
				"fromCarerId", "toCarerId");
		assertThat(results.get(0).get("entryId").asLong()).isEqualTo(aliceEntry);
		assertThat(results.get(0).get("outcome").asString()).isEqualTo("REPLACED");
		assertThat(results.get(0).get("fromCarerId").asLong()).isEqualTo(clash.ann());
		assertThat(results.get(0).get("toCarerId").asLong()).as("Dan has the fewest visits that week").isEqualTo(dan);
		assertThat(entry(id, clash.aliceVisit(), clash.wednesday()).get("carerIds").toString())
			.isEqualTo("[" + dan + "]");
		assertThat(entry(id, clash.aliceVisit(), clash.wednesday()).get("status").asString()).isEqualTo("VALID");
		assertThat(entry(id, clash.bobVisit(), clash.wednesday()).get("status").asString()).isEqualTo("VALID");
		assertThat(entry(id, clash.bobVisit(), clash.wednesday()).get("id").asLong()).isEqualTo(bobEntry);
		assertThat(counts(id).get("invalid").asInt()).isZero();
		assertThat(counts(id).get("selected").asInt()).isEqualTo(2);
		assertThat(timeline(id))
			.anySatisfy((event) -> assertThat(event.get("type").asString()).isEqualTo("AUTO_RESOLVED"));
		assertThat(List.of(carl, gus)).doesNotContain(results.get(0).get("toCarerId").asLong());

		// when: nothing clashes any more
		TestHttp.Response again = this.http.post("planner",
				"/api/booking-batches/" + id + "/entries/auto-resolve-clashes", "");
		// then
		assertThat(again.json().get("results")).isEmpty();
	}

	@Test
	void autoResolveLeavesTheSlotUnallocatedWhenNoTeamCarerIsFree() {
		// given: Ann clashes with herself on Wednesday, Ben is absent, nobody else
		WednesdayClash clash = wednesdayClash();
		long ben = this.fixtures.carer("Ben Moss", clash.team());
		this.fixtures.absence(ben, GenerationFixtures.at(clash.wednesday(), LocalTime.of(8, 0)),
				GenerationFixtures.at(clash.wednesday(), LocalTime.of(9, 0)));
		long id = startValidated();
		// when
		JsonNode results = this.http.post("planner", "/api/booking-batches/" + id + "/entries/auto-resolve-clashes", "")
			.json()
			.get("results");
		// then
		assertThat(results).hasSize(1);
		assertThat(results.get(0).get("entryId").asLong())
			.isEqualTo(entryId(id, clash.aliceVisit(), clash.wednesday()));
		assertThat(results.get(0).get("outcome").asString()).isEqualTo("UNALLOCATED");
		assertThat(results.get(0).get("fromCarerId").asLong()).isEqualTo(clash.ann());
		assertThat(results.get(0).get("toCarerId").isNull()).isTrue();
		JsonNode aliceEntry = entry(id, clash.aliceVisit(), clash.wednesday());
		assertThat(aliceEntry.get("carerIds")).isEmpty();
		assertThat(aliceEntry.get("status").asString()).isEqualTo("VALID");
		assertThat(aliceEntry.get("issues")).extracting((issue) -> issue.get("code").asString())
			.containsExactly("UNALLOCATED");
		assertThat(entry(id, clash.bobVisit(), clash.wednesday()).get("status").asString()).isEqualTo("VALID");
		JsonNode counts = counts(id);
		assertThat(counts.get("valid").asInt()).isEqualTo(2);
		assertThat(counts.get("warnings").asInt()).isOne();
	}

	@Test
	void refreshAddsNewOccurrencesDropsVanishedAndBookedOnesAndKeepsEditsAndRemovals() {
		// given
		northTeamWeek();
		long fortnightly = this.fixtures.entry(this.cara, this.team, WEEKDAYS, LocalTime.of(16, 0), 30, 1,
				List.of(this.ben), this.monday.minusWeeks(1));
		long id = startValidated();
		assertThat(counts(id).get("total").asInt()).isEqualTo(22);
		LocalDate tuesday = this.monday.plusDays(1);
		LocalDate wednesday = this.monday.plusDays(2);
		long aliceMonday = entryId(id, this.clash1, this.monday);
		long bobTuesday = entryId(id, this.clash2, tuesday);
		long caraThursday = entryId(id, this.doubleHanded, this.monday.plusDays(3));
		remove(id, "{\"entryIds\":[" + aliceMonday + "]}");
		patch(id, bobTuesday, "{\"carerIds\":[" + this.ben + "]}");
		patch(id, caraThursday, "{\"selected\":false}");
		// meanwhile: a new visit, a visit now only every other week (not this one), an
		// occurrence booked elsewhere, and a changed time
		long dora = this.fixtures.client("Dora Fox", this.team);
		long doraVisit = this.fixtures.entry(dora, this.team, EVERY_DAY, LocalTime.of(12, 0), 30, 1, List.of(),
				this.monday.minusWeeks(1));
		this.fixtures.changeEntry(fortnightly, "cycle_weeks = 2, weeks = 2, cycle_start = '" + this.monday + "'");
		long booking = bookOccurrence(this.clash2, wednesday, "dispatched");
		this.fixtures.changeEntry(this.doubleHanded, "start_time = '11:00'");
		// when
		TestHttp.Response refreshed = action("planner", id, "refresh");
		// then
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(202);
		assertThat(refreshed.json().get("status").asString()).isEqualTo("REVALIDATING");
		JsonNode batch = awaitSettled(id, "VALIDATED");
		// 22 - 1 removed - 1 booked elsewhere - 5 fortnightly + 7 new
		assertThat(entries(id, "clientId=" + dora)).hasSize(7)
			.allSatisfy((entry) -> assertThat(entry.get("status").asString()).isEqualTo("VALID"));
		assertThat(entries(id))
			.noneSatisfy((entry) -> assertThat(entry.get("scheduleEntryId").asLong()).isEqualTo(fortnightly));
		assertThat(entries(id)).extracting((entry) -> entry.get("id").asLong()).doesNotContain(aliceMonday);
		assertThat(entries(id)).noneSatisfy((entry) -> {
			assertThat(entry.get("scheduleEntryId").asLong()).isEqualTo(this.clash2);
			assertThat(entry.get("occurrenceDate").asString()).isEqualTo(wednesday.toString());
		});
		JsonNode bob = entry(id, this.clash2, tuesday);
		assertThat(bob.get("id").asLong()).isEqualTo(bobTuesday);
		assertThat(bob.get("carerIds").toString()).isEqualTo("[" + this.ben + "]");
		assertThat(bob.get("status").asString()).isEqualTo("VALID");
		assertThat(entries(id, "clientId=" + this.cara)).hasSize(7)
			.allSatisfy((entry) -> assertThat(entry.get("startsAt").asString()).isEqualTo(
					GenerationFixtures.at(LocalDate.parse(entry.get("occurrenceDate").asString()), LocalTime.of(11, 0))
						.toString()));
		JsonNode counts = batch.get("counts");
		assertThat(counts.get("total").asInt()).isEqualTo(22 - 1 - 1 - 5 + 7);
		assertThat(counts.get("removed").asInt()).isOne();
		assertThat(counts.get("pending").asInt()).isZero();
		assertThat(timeline(id))
			.extracting((event) -> event.get("toStatus").isNull() ? "" : event.get("toStatus").asString())
			.containsSubsequence("REVALIDATING", "VALIDATED");
		assertThat(booking).isPositive();
	}

	private TestHttp.Response patch(long batchId, long entryId, String body) {
		return this.http.patch("planner", "/api/booking-batches/" + batchId + "/entries/" + entryId, body);
	}

	private TestHttp.Response select(long batchId, String body) {
		return this.http.post("planner", "/api/booking-batches/" + batchId + "/entries/selection", body);
	}

	private TestHttp.Response remove(long batchId, String body) {
		return this.http.post("planner", "/api/booking-batches/" + batchId + "/entries/removal", body);
	}

	private int versions(long batchId) {
		return this.jdbc.sql("SELECT COALESCE(SUM(version), 0) FROM batch_entry WHERE batch_id = ?")
			.param(batchId)
			.query(Integer.class)
			.single();
	}

	private void visit(long clientId, long teamId, long carerId, LocalDate date, LocalTime time) {
		this.fixtures.oneOffVisit(clientId, teamId, carerId, GenerationFixtures.at(date, time), Duration.ofHours(1));
	}

}
