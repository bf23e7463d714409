package org.bookingbatch.generation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.generation.BatchApiIntegrationTests.actions;

/**
 * Confirm with its final check, cancel in every phase, creation that completes only in
 * part, force complete, done and retry.
 */
class BatchLifecycleIntegrationTests extends GenerationIntegrationTestSupport {

	@Autowired
	DataSource dataSource;

	@Autowired
	BatchService service;

	@Autowired
	GenerationProperties properties;

	@Autowired
	EntryValidator validator;

	@BeforeEach
	void setUp() {
		northTeamWeek();
	}

	@Test
	void confirmCreatesABookingForEverySelectedValidEntry() {
		// given
		long id = startValidated();
		long sunday = entryId(id, this.doubleHanded, this.sunday);
		this.http.patch("coordinator", "/api/booking-batches/" + id + "/entries/" + sunday, "{\"selected\":false}");
		// when
		TestHttp.Response confirmed = action("coordinator", id, "confirm");
		// then
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(202);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMING");
		// the request records the decision: the final check confirms the entries
		assertThat(confirmed.json().get("counts").get("selected").asInt()).isEqualTo(6);
		assertThat(confirmed.json().get("progress").get("total").asInt()).isEqualTo(6);
		JsonNode completed = awaitSettled(id, "COMPLETED");
		assertThat(completed.get("counts").get("created").asInt()).isEqualTo(6);
		assertThat(completed.get("counts").get("skipped").asInt()).isOne();
		assertThat(completed.get("counts").get("valid").asInt()).isOne();
		assertThat(completed.get("finishedAt").isNull()).isFalse();
		assertThat(completed.get("progress").get("done").asInt()).isEqualTo(6);
		assertThat(bookingCount(id)).isEqualTo(6);
		assertThat(entries(id, "status=CREATED")).hasSize(6)
			.allSatisfy((entry) -> assertThat(entry.get("bookingId").isNull()).isFalse());
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM booking_carer bc JOIN booking b ON b.id = bc.booking_id"
					+ " WHERE b.batch_id = ? AND bc.carer_id = ?")
			.params(id, this.ben)
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(timeline(id))
			.extracting((event) -> event.get("toStatus").isNull() ? "" : event.get("toStatus").asString())
			.containsSubsequence("VALIDATED", "CONFIRMING", "CONFIRMED", "CREATING", "COMPLETED");
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(409);
	}

	@Test
	void theFinalCheckFindsAClashBetweenEntriesConfirmedTogether() {
		// given: Alice's and Bob's Monday visits overlap for Ann, and both are valid and
		// selected (as if they had been validated apart)
		long id = startValidated();
		List<Long> clashing = List.of(entryId(id, this.clash1, this.monday), entryId(id, this.clash2, this.monday));
		makeValidAndSelected(id, clashing);
		// when
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
		JsonNode batch = awaitSettled(id, "VALIDATED");
		// then: each is checked against the other, still to be checked or already passed
		for (long scheduleEntry : List.of(this.clash1, this.clash2)) {
			JsonNode entry = entry(id, scheduleEntry, this.monday);
			assertThat(entry.get("status").asString()).isEqualTo("INVALID");
			assertThat(entry.get("issues")).extracting((issue) -> issue.get("code").asString()).contains("CARER_CLASH");
		}
		assertThat(batch.get("counts").get("valid").asInt()).isEqualTo(7);
		assertThat(bookingCount(id)).isZero();
		assertThat(timeline(id)).last()
			.satisfies((event) -> assertThat(event.get("message").asString())
				.contains("2 confirmed entries failed the final check"));
	}

	@Test
	void anEntryTheFinalCheckRejectedStillClashesWithAnEntryCheckedAfterIt() {
		// given: Alice's and Bob's clashing Monday visits are confirmed, and the
		// partition of Alice's checks and commits before the one of Bob's reads
		long id = startValidated();
		long alice = entryId(id, this.clash1, this.monday);
		long bob = entryId(id, this.clash2, this.monday);
		makeValidAndSelected(id, List.of(alice, bob));
		setStatus(id, "CONFIRMING");
		assertThat(finalCheck(id, 1, alice)).isOne();
		// when
		int rejected = finalCheck(id, 2, bob);
		// then
		assertThat(rejected).isOne();
		JsonNode bobsEntry = entry(id, this.clash2, this.monday);
		assertThat(bobsEntry.get("status").asString()).isEqualTo("INVALID");
		assertThat(bobsEntry.get("issues")).extracting((issue) -> issue.get("code").asString()).contains("CARER_CLASH");
		// and once the check has ended, neither stays selected
		this.transactions.executeWithoutResult((tx) -> this.entryRepository.backToReview(id));
		assertThat(entries(id, "status=INVALID&selected=true")).isEmpty();
	}

	private int finalCheck(long batchId, int shard, long entryId) {
		return this.transactions.execute((tx) -> this.validator.confirmCheck(batchId, shard,
				this.entryRepository.findAll(batchId, List.of(entryId))));
	}

	@Test
	void anEntryThatFailsTheFinalCheckSendsTheBatchBackToReviewWithoutCreatingAnything() {
		// given: Ben becomes absent on Wednesday after the review
		long id = startValidated();
		LocalDate wednesday = this.monday.plusDays(2);
		this.fixtures.absence(this.ben, GenerationFixtures.at(wednesday, LocalTime.of(9, 0)),
				GenerationFixtures.at(wednesday, LocalTime.of(12, 0)));
		// when
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
		JsonNode batch = awaitSettled(id, "VALIDATED");
		// then
		JsonNode wednesdayEntry = entry(id, this.doubleHanded, wednesday);
		assertThat(wednesdayEntry.get("status").asString()).isEqualTo("INVALID");
		assertThat(wednesdayEntry.get("selected").asBoolean()).isFalse();
		assertThat(wednesdayEntry.get("issues")).extracting((issue) -> issue.get("code").asString())
			.contains("CARER_UNAVAILABLE");
		assertThat(entries(id, "clientId=" + this.cara + "&status=VALID&selected=true")).hasSize(6);
		assertThat(batch.get("counts").get("confirmed").asInt()).isZero();
		assertThat(batch.get("counts").get("valid").asInt()).isEqualTo(6);
		assertThat(batch.get("counts").get("invalid").asInt()).isEqualTo(11);
		assertThat(batch.get("counts").get("created").asInt()).isZero();
		assertThat(bookingCount(id)).isZero();
		assertThat(actions(batch)).contains("CONFIRM");
		assertThat(timeline(id)).last().satisfies((event) -> {
			assertThat(event.get("toStatus").asString()).isEqualTo("VALIDATED");
			assertThat(event.get("fromStatus").asString()).isEqualTo("CONFIRMING");
			assertThat(event.get("message").asString()).contains("1 confirmed entry failed the final check");
		});

		// when: confirmed again, the six that passed are created
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
		// then
		JsonNode completed = awaitSettled(id, "COMPLETED");
		assertThat(completed.get("counts").get("created").asInt()).isEqualTo(6);
		assertThat(bookingCount(id)).isEqualTo(6);
	}

	@Test
	void confirmingNothingIsRefused() {
		// given
		long id = startValidated();
		this.http.post("coordinator", "/api/booking-batches/" + id + "/entries/selection",
				"{\"all\":true,\"selected\":false}");
		// when
		TestHttp.Response refused = action("coordinator", id, "confirm");
		// then
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("batchStatus").asString()).isEqualTo("VALIDATED");
		assertThat(batch(id).get("status").asString()).isEqualTo("VALIDATED");
	}

	@Test
	void cancelDuringReviewEndsTheBatchAndWritesNothing() {
		// given
		long id = startValidated();
		// when
		TestHttp.Response cancelled = action("planner", id, "cancel");
		// then
		assertThat(cancelled.status()).isEqualTo(202);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("finishedAt").isNull()).isFalse();
		assertThat(actions(cancelled.json())).containsExactlyInAnyOrder("DONE", "RETRY");
		assertThat(bookingCount(id)).isZero();
		assertThat(timeline(id)).last().satisfies((event) -> {
			assertThat(event.get("actor").asString()).isEqualTo("planner");
			assertThat(event.get("toStatus").asString()).isEqualTo("CANCELLED");
		});
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(409);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PENDING", "BUILDING_ENTRIES", "VALIDATING", "REVALIDATING" })
	void cancelWhileTheBatchIsBeingBuiltOrCheckedEndsIt(String status) {
		// given
		long id = startValidated();
		setStatus(id, status);
		// when
		TestHttp.Response cancelled = action("planner", id, "cancel");
		// then
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(timeline(id)).last()
			.satisfies((event) -> assertThat(event.get("fromStatus").asString()).isEqualTo(status));
		assertThat(bookingCount(id)).isZero();
	}

	@Test
	void aBatchCancelledBeforeItsJobStartsDraftsNothing() {
		// given: started and cancelled in one transaction, so its job starts on a
		// cancelled batch
		long id = this.transactions.execute((transaction) -> {
			long started = this.service
				.start(this.monday, this.monday.plusDays(6), List.of(), null, false, BatchOrigin.ADMIN, "planner")
				.id();
			this.service.cancel(started, "planner");
			return started;
		});
		// when
		awaitNextExecutionEnded(id, 0);
		// then
		BookingBatch batch = this.service.get(id);
		assertThat(batch.status()).isEqualTo(BookingBatchStatus.CANCELLED);
		assertThat(batch.counts().total()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM batch_entry WHERE batch_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CONFIRMING", "CONFIRMED" })
	void cancelDuringConfirmationReturnsTheBatchToReviewAndItCanBeConfirmedAgain(String status) {
		// given: confirmed, and the job has not got further yet
		long id = startValidated();
		this.transactions.executeWithoutResult((tx) -> {
			passFinalCheck(id);
			this.batches.transition(id, Set.of(BookingBatchStatus.VALIDATED), BookingBatchStatus.valueOf(status),
					Instant.now());
		});
		assertThat(counts(id).get("confirmed").asInt()).isEqualTo(7);
		// when
		TestHttp.Response cancelled = action("coordinator", id, "cancel");
		// then
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("VALIDATED");
		JsonNode counts = cancelled.json().get("counts");
		assertThat(counts.get("confirmed").asInt()).isZero();
		assertThat(counts.get("valid").asInt()).isEqualTo(7);
		assertThat(counts.get("selected").asInt()).isEqualTo(7);
		assertThat(entries(id, "status=VALID&selected=true")).hasSize(7);
		assertThat(actions(cancelled.json())).contains("CONFIRM", "EDIT_ENTRIES");
		assertThat(timeline(id)).last().satisfies((event) -> {
			assertThat(event.get("fromStatus").asString()).isEqualTo(status);
			assertThat(event.get("toStatus").asString()).isEqualTo("VALIDATED");
		});

		// when
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
		// then
		assertThat(awaitSettled(id, "COMPLETED").get("counts").get("created").asInt()).isEqualTo(7);
	}

	@Test
	void cancelWhileCreatingKeepsTheCreatedBookingsAndFailsTheRest() {
		// given: the first chunk of three bookings has been written
		long id = startValidated();
		creating(id, 3);
		assertThat(bookingCount(id)).isEqualTo(3);
		// when
		TestHttp.Response cancelled = action("planner", id, "cancel");
		// then
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		JsonNode counts = cancelled.json().get("counts");
		assertThat(counts.get("created").asInt()).isEqualTo(3);
		assertThat(counts.get("failed").asInt()).isEqualTo(4);
		assertThat(counts.get("confirmed").asInt()).isZero();
		assertThat(bookingCount(id)).isEqualTo(3);
		assertThat(entries(id, "status=FAILED")).hasSize(4)
			.allSatisfy((entry) -> assertThat(entry.get("error").asString()).contains("Cancelled"));
		assertThat(timeline(id)).last()
			.satisfies((event) -> assertThat(event.get("message").asString()).contains("3 bookings kept"));

		// when: retried, only the four that were not created are drafted again
		TestHttp.Response retried = action("planner", id, "retry");
		// then
		assertThat(retried.status()).as(retried.body()).isEqualTo(202);
		long retryId = retried.json().get("id").asLong();
		assertThat(retried.location()).endsWith("/api/booking-batches/" + retryId);
		JsonNode retry = awaitSettled(retryId, "VALIDATED");
		assertThat(entries(retryId, "clientId=" + this.cara)).hasSize(4);
		assertThat(retry.get("counts").get("total").asInt()).isEqualTo(17 - 3);
	}

	@Test
	void forceCompleteIsOfferedOnlyForAStalledCreatingBatchAndEndsItByItsCounts() {
		// given: creating, three bookings written, and fresh
		long id = startValidated();
		creating(id, 3);
		// when / then
		assertThat(batch(id).get("stalled").asBoolean()).isFalse();
		assertThat(actions(batch(id))).containsExactly("CANCEL");
		TestHttp.Response refused = action("coordinator", id, "force-complete");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("batchStatus").asString()).isEqualTo("CREATING");
		assertThat(actions(refused.json())).containsExactly("CANCEL");

		// when: resumed many times, but owned by this live node and beating, it is not
		// stalled
		this.jdbc.sql("UPDATE booking_batch SET resume_attempts = ? WHERE id = ?")
			.params(this.properties.maxResumeAttempts(), id)
			.update();
		// then
		assertThat(batch(id).get("stalled").asBoolean()).isFalse();
		assertThat(action("coordinator", id, "force-complete").status()).isEqualTo(409);

		// when: no chunk for long and its node is gone
		makeStalled(id, this.properties.maxResumeAttempts());
		JsonNode stalled = batch(id);
		// then
		assertThat(stalled.get("stalled").asBoolean()).isTrue();
		assertThat(actions(stalled)).containsExactlyInAnyOrder("CANCEL", "FORCE_COMPLETE");
		assertThat(this.http.get("admin", "/actuator/bookinggeneration").json().get("stalled"))
			.extracting((batch) -> batch.get("id").asLong())
			.containsExactly(id);
		assertThat(action("planner", id, "force-complete").status()).isEqualTo(403);
		TestHttp.Response forced = action("coordinator", id, "force-complete");
		assertThat(forced.status()).as(forced.body()).isEqualTo(202);
		assertThat(forced.json().get("status").asString()).isEqualTo("PARTIALLY_COMPLETED");
		assertThat(forced.json().get("counts").get("created").asInt()).isEqualTo(3);
		assertThat(forced.json().get("counts").get("failed").asInt()).isEqualTo(4);
		assertThat(forced.json().get("stalled").asBoolean()).isFalse();
		assertThat(entries(id, "status=FAILED"))
			.allSatisfy((entry) -> assertThat(entry.get("error").asString()).contains("Force completed"));
		assertThat(timeline(id)).extracting((event) -> event.get("type").asString()).contains("FORCE_COMPLETE");
		assertThat(action("coordinator", id, "force-complete").status()).isEqualTo(409);
	}

	@Test
	void forceCompleteEndsFailedWhenNothingWasCreatedAndCompletedWhenEverythingWas() {
		// given
		long nothing = startValidated();
		creating(nothing, 0);
		makeStalled(nothing, this.properties.maxResumeAttempts());
		// when
		JsonNode failed = action("coordinator", nothing, "force-complete").json();
		// then
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("failureReason").asString()).contains("No booking could be created");
		assertThat(failed.get("counts").get("failed").asInt()).isEqualTo(7);
		assertThat(bookingCount(nothing)).isZero();

		// given: every booking was written, the batch stalled before it could finish
		long everything = startValidated();
		creating(everything, 7);
		makeStalled(everything, this.properties.maxResumeAttempts());
		// when
		JsonNode completed = action("coordinator", everything, "force-complete").json();
		// then
		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.get("counts").get("created").asInt()).isEqualTo(7);
	}

	@Test
	void anOccurrenceBookedMeanwhileFailsItsEntryAndTheBatchEndsPartiallyCompleted() throws Exception {
		// given
		long id = startValidated();
		LocalDate wednesday = this.monday.plusDays(2);
		long booking;
		try (Connection oneOff = this.dataSource.getConnection()) {
			// a one-off booking of Wednesday's visit, written while the batch confirms:
			// the final check cannot see it yet, the creation meets it
			oneOff.setAutoCommit(false);
			booking = insertBooking(oneOff, this.doubleHanded, wednesday);
			// when
			assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
			awaitStatus(id, "CREATING");
			oneOff.commit();
		}
		// then
		JsonNode batch = awaitSettled(id, "PARTIALLY_COMPLETED");
		assertThat(batch.get("counts").get("created").asInt()).isEqualTo(6);
		assertThat(batch.get("counts").get("failed").asInt()).isOne();
		assertThat(actions(batch)).containsExactlyInAnyOrder("DONE", "RETRY");
		JsonNode failed = entry(id, this.doubleHanded, wednesday);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("error").asString()).contains("booked meanwhile", String.valueOf(booking));
		assertThat(failed.get("bookingId").isNull()).isTrue();
		assertThat(bookingCount(id)).isEqualTo(6);
		assertThat(timeline(id)).last()
			.satisfies((event) -> assertThat(event.get("message").asString()).contains("6 bookings created, 1 failed"));
	}

	@Test
	void whenNoBookingCanBeCreatedTheBatchEndsFailed() throws Exception {
		// given: only Wednesday's visit is selected
		long id = startValidated();
		LocalDate wednesday = this.monday.plusDays(2);
		long wednesdayEntry = entryId(id, this.doubleHanded, wednesday);
		this.http.post("coordinator", "/api/booking-batches/" + id + "/entries/selection",
				"{\"all\":true,\"selected\":false}");
		this.http.patch("coordinator", "/api/booking-batches/" + id + "/entries/" + wednesdayEntry,
				"{\"selected\":true}");
		try (Connection oneOff = this.dataSource.getConnection()) {
			oneOff.setAutoCommit(false);
			insertBooking(oneOff, this.doubleHanded, wednesday);
			// when
			assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
			awaitStatus(id, "CREATING");
			oneOff.commit();
		}
		// then
		JsonNode batch = awaitSettled(id, "FAILED");
		assertThat(batch.get("counts").get("created").asInt()).isZero();
		assertThat(batch.get("counts").get("failed").asInt()).isOne();
		assertThat(batch.get("counts").get("skipped").asInt()).isEqualTo(6);
		assertThat(batch.get("failureReason").asString()).contains("No booking could be created");
		assertThat(bookingCount(id)).isZero();
	}

	@Test
	void doneAndRetryAreOfferedOnceAndRetryIsLinkedBothWays() {
		// given
		long id = startValidated();
		action("planner", id, "cancel");
		// when
		TestHttp.Response done = action("planner", id, "done");
		TestHttp.Response doneAgain = action("planner", id, "done");
		// then
		assertThat(done.status()).isEqualTo(202);
		assertThat(actions(done.json())).containsExactly("RETRY");
		assertThat(doneAgain.status()).isEqualTo(409);
		assertThat(actions(doneAgain.json())).containsExactly("RETRY");
		assertThat(this.http.get("viewer", "/api/booking-batches").json().get("totalElements").asInt()).isZero();
		assertThat(batch(id).get("status").asString()).isEqualTo("CANCELLED");

		// when
		TestHttp.Response retried = action("planner", id, "retry");
		TestHttp.Response retriedAgain = action("planner", id, "retry");
		// then
		assertThat(retried.status()).isEqualTo(202);
		long retryId = retried.json().get("id").asLong();
		assertThat(retried.json().get("retryOfId").asLong()).isEqualTo(id);
		assertThat(retried.json().get("origin").asString()).isEqualTo("RETRY");
		assertThat(retried.json().get("from").asString()).isEqualTo(this.monday.toString());
		assertThat(retried.json().get("to").asString()).isEqualTo(this.sunday.toString());
		assertThat(retried.json().get("name").asString()).startsWith("Batch #" + retryId + " · ");
		assertThat(retriedAgain.status()).isEqualTo(409);
		assertThat(actions(retriedAgain.json())).isEmpty();
		JsonNode original = batch(id);
		assertThat(original.get("retriedAsId").asLong()).isEqualTo(retryId);
		assertThat(actions(original)).isEmpty();
		assertThat(timeline(id)).last()
			.satisfies((event) -> assertThat(event.get("message").asString()).contains("Retried as batch #" + retryId));
		assertThat(timeline(retryId))
			.anySatisfy((event) -> assertThat(event.get("message").asString()).contains("Retry of batch #" + id));
		assertThat(awaitSettled(retryId, "VALIDATED").get("counts").get("total").asInt()).isEqualTo(17);
	}

	/**
	 * Puts a validated batch into CREATING as confirm and its final check would, and lets
	 * the creation writer commit one chunk of the first {@code created} entries.
	 */
	private void creating(long id, int created) {
		this.transactions.executeWithoutResult((tx) -> {
			int skipped = this.batches.find(id).orElseThrow().counts().valid()
					- this.batches.find(id).orElseThrow().counts().selected();
			passFinalCheck(id);
			this.batches.setCount(id, "skipped", skipped);
			this.batches.transition(id, Set.of(BookingBatchStatus.VALIDATED), BookingBatchStatus.CREATING,
					Instant.now());
		});
		if (created > 0) {
			List<BatchEntry> chunk = this.entryRepository.findAfter(id, List.of(EntryStatus.CONFIRMED), 0, created);
			CreateBookingsWriter writer = createBookingsWriter(id, 0, CreateBookingsWriter.consecutiveIds(this.jdbc));
			this.transactions
				.executeWithoutResult((tx) -> writer.write(new Chunk<>(chunk.stream().map(BatchEntry::id).toList())));
		}
	}

	private static long insertBooking(Connection connection, long scheduleEntryId, LocalDate date) throws Exception {
		Instant startsAt = GenerationFixtures.at(date, LocalTime.of(10, 0));
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO booking (client_id, team_id, schedule_entry_id, occurrence_date, starts_at, ends_at,
				carers_required, status, created_at)
				SELECT client_id, team_id, id, ?, ?, ?, carers_required, 'to_be_dispatched', ? FROM schedule_entry
				WHERE id = ?
				""", PreparedStatement.RETURN_GENERATED_KEYS)) {
			insert.setObject(1, date);
			insert.setTimestamp(2, Timestamp.from(startsAt));
			insert.setTimestamp(3, Timestamp.from(startsAt.plusSeconds(3600)));
			insert.setTimestamp(4, Timestamp.from(Instant.now()));
			insert.setLong(5, scheduleEntryId);
			insert.executeUpdate();
			try (var keys = insert.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

}
