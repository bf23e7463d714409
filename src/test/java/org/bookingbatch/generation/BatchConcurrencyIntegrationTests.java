package org.bookingbatch.generation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users acting on the same batch at the same moment: one confirm wins, starts are refused
 * while a batch creates, and edits racing a confirm never leave an entry half changed.
 */
class BatchConcurrencyIntegrationTests extends GenerationIntegrationTestSupport {

	private final ExecutorService users = Executors.newFixedThreadPool(12);

	@Autowired
	BatchService service;

	@Autowired
	EntryValidator validator;

	@BeforeEach
	void setUp() {
		northTeamWeek();
	}

	@AfterEach
	void stopUsers() throws InterruptedException {
		this.users.shutdownNow();
		this.users.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void twoUsersConfirmingAtOnceStartExactlyOneCreation() throws Exception {
		// given
		long id = startValidated();
		// when
		List<TestHttp.Response> responses = atOnce(
				List.of(() -> action("coordinator", id, "confirm"), () -> action("admin", id, "confirm")));
		// then
		assertThat(responses).extracting(TestHttp.Response::status).containsExactlyInAnyOrder(202, 409);
		TestHttp.Response refused = responses.stream().filter((r) -> r.status() == 409).findFirst().orElseThrow();
		assertThat(refused.json().get("batchStatus").asString()).isIn("CONFIRMING", "CONFIRMED", "CREATING",
				"COMPLETED");
		JsonNode completed = awaitSettled(id, "COMPLETED");
		assertThat(completed.get("counts").get("created").asInt()).isEqualTo(7);
		assertThat(bookingCount(id)).isEqualTo(7);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking").query(Long.class).single()).isEqualTo(7);
		assertThat(timeline(id)).filteredOn((event) -> "CONFIRMING".equals(text(event.get("toStatus")))).hasSize(1);
	}

	@Test
	void startsOverTheSameRangeAreAllRefusedWhileABatchIsCreating() throws Exception {
		// given
		long creating = startValidated();
		setStatus(creating, "CREATING");
		List<Callable<TestHttp.Response>> starts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String user = (i % 2 == 0) ? "planner" : "coordinator";
			starts.add(() -> startResponse(user, this.monday, this.sunday,
					(user.equals("planner")) ? List.of() : List.of(this.team), null));
		}
		// when
		List<TestHttp.Response> responses = atOnce(starts);
		// then
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.status()).as(response.body()).isEqualTo(409);
			assertThat(response.json().get("blockingBatches").get(0).get("id").asLong()).isEqualTo(creating);
		});
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking_batch").query(Long.class).single()).isOne();
		setStatus(creating, "VALIDATED");
	}

	@Test
	void editsRacingAConfirmNeverLeaveAnEntryHalfChanged() throws Exception {
		// given
		long id = startValidated();
		List<Long> bob = entries(id, "clientId=" + this.bob).stream().map((entry) -> entry.get("id").asLong()).toList();
		List<Long> cara = entries(id, "clientId=" + this.cara).stream()
			.map((entry) -> entry.get("id").asLong())
			.toList();
		List<Callable<TestHttp.Response>> calls = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long bobEntry = bob.get(i);
			long caraEntry = cara.get(i);
			calls.add(() -> patch(id, bobEntry, "{\"carerIds\":[" + this.ben + "]}"));
			calls.add(() -> patch(id, caraEntry, "{\"carerIds\":[" + this.ben + "," + this.ann + "]}"));
		}
		calls.add(5, () -> action("coordinator", id, "confirm"));
		// when
		List<TestHttp.Response> responses = atOnce(calls);
		// then
		assertThat(responses.get(5).status()).as(responses.get(5).body()).isEqualTo(202);
		assertThat(responses).extracting(TestHttp.Response::status)
			.allMatch((status) -> status == 200 || status == 202 || status == 409);
		awaitJobsSettled();
		JsonNode batch = batch(id);
		assertThat(batch.get("status").asString()).isIn("COMPLETED", "VALIDATED");
		// every edit that was answered 200 happened before the confirm and is in the
		// booking; every refused one left its entry as it was
		for (int i = 0; i < calls.size(); i++) {
			if (i == 5) {
				continue;
			}
			TestHttp.Response response = responses.get(i);
			if (response.status() == 200) {
				long entryId = response.json().get("id").asLong();
				List<Long> carers = this.jdbc
					.sql("SELECT carer_id FROM batch_entry_carer WHERE entry_id = ? ORDER BY slot")
					.param(entryId)
					.query(Long.class)
					.list();
				List<Long> edited = new ArrayList<>();
				response.json().get("carerIds").forEach((carer) -> edited.add(carer.asLong()));
				assertThat(carers).isEqualTo(edited);
			}
			else {
				assertThat(response.json().get("batchStatus").asString()).isNotEqualTo("VALIDATED");
			}
		}
		BatchInvariants.assertHold(this.jdbc, this.transactions, id);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM batch_entry e JOIN booking b ON b.id = e.booking_id
				WHERE e.batch_id = ? AND e.carer_ids <> COALESCE((SELECT GROUP_CONCAT(bc.carer_id ORDER BY bc.slot)
				FROM booking_carer bc WHERE bc.booking_id = b.id), '')
				""").param(id).query(Long.class).single()).as("bookings carry their entries' carers").isZero();
	}

	@Test
	void aCancelRightAfterAConfirmNeverLeavesTheBatchStuck() {
		for (int round = 0; round < 8; round++) {
			// given
			long id = start(this.monday.plusWeeks(round), this.sunday.plusWeeks(round), List.of());
			awaitSettled(id, "VALIDATED");
			int executions = executions(id);
			assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
			// when: the cancel comes a little later each round, in whatever phase
			if (round > 0) {
				pause(round * 15L);
			}
			TestHttp.Response cancelled = action("coordinator", id, "cancel");
			awaitNextExecutionEnded(id, executions);
			// then: the batch has ended, or is back in review and can be confirmed again
			String status = batch(id).get("status").asString();
			assertThat(status).as("round %d: %s", round, cancelled.body()).isIn("VALIDATED", "COMPLETED", "CANCELLED");
			if (status.equals("VALIDATED")) {
				assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
				assertThat(awaitSettled(id, "COMPLETED").get("counts").get("created").asInt()).isEqualTo(7);
			}
			BatchInvariants.assertHold(this.jdbc, this.transactions, id);
		}
	}

	@Test
	void aConfirmationCancelledBeforeItsJobStartsLeavesTheJobPausedAtReview() {
		// given
		long id = startValidated();
		// when: confirmed and cancelled before the job has restarted
		confirmAndCancelBeforeTheJobRestarts(id);
		// then: the job pauses again instead of going round
		assertThat(batch(id).get("status").asString()).isEqualTo("VALIDATED");
		assertThat(counts(id).get("selected").asInt()).isEqualTo(7);

		// when
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
		// then
		assertThat(awaitSettled(id, "COMPLETED").get("counts").get("created").asInt()).isEqualTo(7);
	}

	@Test
	void aConfirmationAfterACancelledOneRunsTheWholeFinalCheckAgain() {
		// given: a confirmation cancelled before its job ran, so every partition of the
		// final check has run once and found nothing to do
		long id = startValidated();
		confirmAndCancelBeforeTheJobRestarts(id);
		assertThat(batch(id).get("status").asString()).isEqualTo("VALIDATED");
		// and Ben becomes absent on Wednesday
		LocalDate wednesday = this.monday.plusDays(2);
		this.fixtures.absence(this.ben, GenerationFixtures.at(wednesday, LocalTime.of(9, 0)),
				GenerationFixtures.at(wednesday, LocalTime.of(12, 0)));
		// when
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
		// then: the final check ran over every entry and rejected Wednesday's visit
		JsonNode batch = awaitSettled(id, "VALIDATED");
		assertThat(entry(id, this.doubleHanded, wednesday).get("status").asString()).isEqualTo("INVALID");
		assertThat(batch.get("counts").get("created").asInt()).isZero();
		assertThat(bookingCount(id)).isZero();

		// when: confirmed again, the six that passed are created
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
		// then
		assertThat(awaitSettled(id, "COMPLETED").get("counts").get("created").asInt()).isEqualTo(6);
		assertThat(bookingCount(id)).isEqualTo(6);
		BatchInvariants.assertHold(this.jdbc, this.transactions, id);
	}

	@Test
	void aFinalCheckChunkReadBeforeACancelChangesNothing() {
		// given: the final check has read its chunk, then the confirmation is cancelled
		// and Ben becomes absent on Wednesday
		long id = startValidated();
		confirmWithoutJob(id);
		List<BatchEntry> chunk = this.entryRepository.findAfter(id, List.of(EntryStatus.VALID), 0, 100);
		assertThat(action("coordinator", id, "cancel").json().get("status").asString()).isEqualTo("VALIDATED");
		LocalDate wednesday = this.monday.plusDays(2);
		this.fixtures.absence(this.ben, GenerationFixtures.at(wednesday, LocalTime.of(9, 0)),
				GenerationFixtures.at(wednesday, LocalTime.of(12, 0)));
		// when: the chunk is checked
		int rejected = this.transactions.execute((tx) -> this.validator.confirmCheck(id, 0, chunk));
		// then
		assertThat(rejected).isZero();
		assertThat(entries(id, "clientId=" + this.cara)).hasSize(7)
			.allSatisfy((entry) -> assertThat(entry.get("status").asString()).isEqualTo("VALID"));
		assertThat(counts(id).get("valid").asInt()).isEqualTo(7);
	}

	@Test
	void aFinalCheckChunkChecksAgainstTheSelectedEntriesNotCheckedYet() {
		// given: Alice's and Bob's Monday visits overlap for Ann, both are valid and
		// selected (as if validated apart), and the batch is confirming
		long id = startValidated();
		long alice = entryId(id, this.clash1, this.monday);
		long bob = entryId(id, this.clash2, this.monday);
		makeValidAndSelected(id, List.of(alice, bob));
		confirmWithoutJob(id);
		// when: a chunk holding Alice's visit is checked before the chunk holding Bob's
		List<BatchEntry> chunk = this.entryRepository.findAll(id, List.of(alice));
		int rejected = this.transactions.execute((tx) -> this.validator.confirmCheck(id, 0, chunk));
		// then
		assertThat(rejected).isOne();
		JsonNode checked = entry(id, this.clash1, this.monday);
		assertThat(checked.get("status").asString()).isEqualTo("INVALID");
		assertThat(checked.get("issues")).extracting((issue) -> issue.get("code").asString()).contains("CARER_CLASH");
		assertThat(entry(id, this.clash2, this.monday).get("status").asString()).isEqualTo("VALID");
	}

	@Test
	void aCreationChunkWritesNothingOnceTheBatchIsNoLongerCreating() {
		// given: a creation chunk read before the creation was cancelled back to review
		// and confirmed again, and the final check has passed the entries again but is
		// still running
		long id = startValidated();
		confirmWithoutJob(id);
		passFinalCheck(id);
		List<BatchEntry> chunk = this.entryRepository.findAfter(id, List.of(EntryStatus.CONFIRMED), 0, 100);
		CreateBookingsWriter writer = createBookingsWriter(id, 1, true);
		// when
		this.transactions
			.executeWithoutResult((tx) -> writer.write(new Chunk<>(chunk.stream().map(BatchEntry::id).toList())));
		// then
		assertThat(bookingCount(id)).isZero();
		assertThat(counts(id).get("confirmed").asInt()).isEqualTo(7);
		setStatus(id, "CANCELLED");
		this.transactions
			.executeWithoutResult((tx) -> writer.write(new Chunk<>(chunk.stream().map(BatchEntry::id).toList())));
		assertThat(bookingCount(id)).isZero();
	}

	/** What confirm does to a batch, without running its job. */
	/** Confirms and cancels in one transaction, then waits for the job's run to end. */
	private void confirmAndCancelBeforeTheJobRestarts(long id) {
		awaitJobsSettled();
		int executions = executions(id);
		this.transactions.executeWithoutResult((tx) -> {
			this.service.confirm(id, "coordinator");
			this.service.cancel(id, "coordinator");
		});
		awaitNextExecutionEnded(id, executions);
	}

	/** Confirms as the confirm request does, without starting the job. */
	private void confirmWithoutJob(long id) {
		this.transactions.executeWithoutResult((tx) -> this.batches.transition(id, Set.of(BookingBatchStatus.VALIDATED),
				BookingBatchStatus.CONFIRMING, Instant.now()));
	}

	private TestHttp.Response patch(long batchId, long entryId, String body) {
		return this.http.patch("coordinator", "/api/booking-batches/" + batchId + "/entries/" + entryId, body);
	}

	/** Runs the calls on their own threads, released together. */
	private <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
		CyclicBarrier start = new CyclicBarrier(calls.size());
		List<Future<T>> futures = new ArrayList<>();
		for (Callable<T> call : calls) {
			futures.add(this.users.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				return call.call();
			}));
		}
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get(60, TimeUnit.SECONDS));
		}
		return results;
	}

	private static void pause(long millis) {
		org.awaitility.Awaitility.await()
			.pollDelay(Duration.ofMillis(millis))
			.atMost(Duration.ofMillis(millis + 1000))
			.until(() -> true);
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

}
