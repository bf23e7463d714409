package org.bookingbatch.generation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch from start to completion and its retry, over HTTP.
 */
class BookingGenerationIntegrationTests extends GenerationIntegrationTestSupport {

	@BeforeEach
	void setUp() {
		northTeamWeek();
	}

	@Test
	void batchRunsFromBuildThroughReviewToCompletedAndCanBeRetried() {
		// given
		TestHttp.Response started = this.http.post("coordinator", "/api/booking-batches",
				"{\"from\":\"" + this.monday + "\",\"to\":\"" + this.monday.plusDays(6) + "\"}");
		assertThat(started.status()).isEqualTo(202);
		assertThat(started.location()).isNotNull();
		long id = started.json().get("id").asLong();
		assertThat(started.json().get("name").asString()).startsWith("Batch #" + id + " · ").endsWith("(All teams)");

		// when
		JsonNode validated = awaitStatus(id, "VALIDATED");

		// then
		JsonNode counts = validated.get("counts");
		assertThat(counts.get("total").asInt()).isEqualTo(17);
		assertThat(counts.get("invalid").asInt()).isEqualTo(10);
		assertThat(counts.get("valid").asInt()).isEqualTo(7);
		assertThat(counts.get("warnings").asInt()).isEqualTo(7);
		assertThat(counts.get("selected").asInt()).isEqualTo(7);
		assertThat(validated.get("availableActions").toString()).contains("CONFIRM", "REFRESH_ENTRIES", "CANCEL");
		BatchInvariants.assertHold(this.jdbc, id);
		JsonNode clashes = this.http.get("viewer", "/api/booking-batches/" + id + "/entries?issue=CARER_CLASH&size=100")
			.json();
		assertThat(clashes.get("totalElements").asInt()).isEqualTo(10);
		assertThat(clashes.get("content").get(0).get("issues").get(0).get("message").asString()).contains("Ann Lee");

		// when: fix Monday's clash by moving Bob's visit to Ben, and deselect one
		// unallocated visit
		JsonNode bobMonday = entry(id, this.clash2, this.monday);
		TestHttp.Response patched = this.http.patch("coordinator",
				"/api/booking-batches/" + id + "/entries/" + bobMonday.get("id").asLong(),
				"{\"carerIds\":[" + this.ben + "]}");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("status").asString()).isEqualTo("VALID");
		assertThat(entry(id, this.clash1, this.monday).get("status").asString()).isEqualTo("VALID");
		long sunday = entry(id, this.doubleHanded, this.monday.plusDays(6)).get("id").asLong();
		assertThat(this.http
			.patch("coordinator", "/api/booking-batches/" + id + "/entries/" + sunday, "{\"selected\":false}")
			.json()
			.get("selected")
			.asBoolean()).isFalse();
		BatchInvariants.assertHold(this.jdbc, id);

		// a planner may not confirm
		assertThat(this.http.post("planner", "/api/booking-batches/" + id + "/confirm", "").status()).isEqualTo(403);
		TestHttp.Response confirmed = this.http.post("coordinator", "/api/booking-batches/" + id + "/confirm", "");
		assertThat(confirmed.status()).isEqualTo(202);
		JsonNode completed = awaitStatus(id, "COMPLETED");

		// then: the two fixed Monday visits and six of the seven double-handed ones are
		// booked
		assertThat(completed.get("counts").get("created").asInt()).isEqualTo(8);
		assertThat(completed.get("counts").get("skipped").asInt()).isEqualTo(1);
		assertThat(completed.get("progress").get("percent").asInt()).isEqualTo(100);
		assertThat(completed.get("availableActions").toString()).contains("DONE", "RETRY");
		BatchInvariants.assertHold(this.jdbc, id);
		assertThat(this.jdbc.sql("SELECT status FROM booking WHERE batch_id = ? AND schedule_entry_id = ?")
			.params(id, this.doubleHanded)
			.query(String.class)
			.list()).containsOnly("partially_dispatched");
		assertThat(this.http.get("viewer", "/api/booking-batches/" + id + "/timeline").body()).contains("VALIDATED",
				"CONFIRMING", "CREATING", "COMPLETED", "coordinator");

		// when: retried, only what the first attempt did not book is drafted again
		TestHttp.Response retried = this.http.post("coordinator", "/api/booking-batches/" + id + "/retry", "");
		assertThat(retried.status()).isEqualTo(202);
		long retryId = retried.json().get("id").asLong();
		JsonNode retry = awaitStatus(retryId, "VALIDATED");
		assertThat(retry.get("origin").asString()).isEqualTo("RETRY");
		assertThat(retry.get("retryOfId").asLong()).isEqualTo(id);
		assertThat(retry.get("counts").get("total").asInt()).isEqualTo(17 - 8);
		assertThat(this.http.get("viewer", "/api/booking-batches/" + id).json().get("retriedAsId").asLong())
			.isEqualTo(retryId);
		BatchInvariants.assertHold(this.jdbc, retryId);
	}

	@Test
	void cancelDuringReviewEndsTheBatchWithoutBookings() {
		// given
		long id = start();
		awaitStatus(id, "VALIDATED");
		// when
		TestHttp.Response cancelled = this.http.post("planner", "/api/booking-batches/" + id + "/cancel", "");
		// then
		assertThat(cancelled.status()).isEqualTo(202);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("availableActions").toString()).contains("DONE", "RETRY");
		TestHttp.Response refused = this.http.post("coordinator", "/api/booking-batches/" + id + "/confirm", "");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("batchStatus").asString()).isEqualTo("CANCELLED");
		assertThat(refused.json().get("availableActions").toString()).contains("DONE");
		BatchInvariants.assertHold(this.jdbc, id);
	}

}
