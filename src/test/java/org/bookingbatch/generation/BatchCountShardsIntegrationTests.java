package org.bookingbatch.generation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chunks of a partitioned step write at the same time: each partition counts in a
 * shard of its own under a shared lock of the batch, the batch shows its counts with the
 * shards', and the step folds them into the batch when it ends.
 */
class BatchCountShardsIntegrationTests extends GenerationIntegrationTestSupport {

	@Autowired
	EntryValidator validator;

	@BeforeEach
	void setUp() {
		northTeamWeek();
	}

	@Test
	void aPartitionsCountsShowInTheBatchAtOnceAndAreFoldedIntoItWhenTheStepEnds() {
		// given: Ben becomes absent on Wednesday after the review
		long id = startValidated();
		awaitJobsSettled();
		JsonNode before = counts(id);
		LocalDate wednesday = this.monday.plusDays(2);
		this.fixtures.absence(this.ben, GenerationFixtures.at(wednesday, LocalTime.of(9, 0)),
				GenerationFixtures.at(wednesday, LocalTime.of(12, 0)));
		long entryId = entry(id, this.doubleHanded, wednesday).get("id").asLong();
		// when: partition 1 of a step validates the entry again
		this.transactions.executeWithoutResult(
				(tx) -> this.validator.validate(id, 1, this.entryRepository.findAll(id, List.of(entryId))));
		// then: the batch shows it, from the shard
		JsonNode after = counts(id);
		assertThat(after.get("valid").asInt()).isEqualTo(before.get("valid").asInt() - 1);
		assertThat(after.get("invalid").asInt()).isEqualTo(before.get("invalid").asInt() + 1);
		assertThat(ownCount(id, "invalid")).isEqualTo(before.get("invalid").asInt());
		assertThat(this.jdbc.sql("SELECT shard, valid, invalid FROM booking_batch_shard WHERE batch_id = ?")
			.param(id)
			.query()
			.listOfRows()).containsExactly(Map.of("shard", 1, "valid", -1, "invalid", 1));

		// when: the step ends
		this.batches.foldShards(id);
		// then
		assertThat(ownCount(id, "invalid")).isEqualTo(before.get("invalid").asInt() + 1);
		assertThat(ownCount(id, "valid")).isEqualTo(before.get("valid").asInt() - 1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking_batch_shard").query(Long.class).single()).isZero();
		assertThat(counts(id)).isEqualTo(after);
		BatchInvariants.assertHold(this.jdbc, this.transactions, id);
	}

	@Test
	void partitionsTakeTheBatchTogetherWhileAStatusChangeWaitsForThem() throws Exception {
		// given: a chunk of partition 1 holds the batch
		long id = startValidated();
		awaitJobsSettled();
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> partition1 = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
				this.batches.lockStatus(id, 1);
				locked.countDown();
				await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
			}));
		assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
		// when / then: partition 2 writes meanwhile
		this.transactions.executeWithoutResult((tx) -> {
			assertThat(this.batches.lockStatus(id, 2)).isEqualTo(BookingBatchStatus.VALIDATED);
			this.batches.addCounts(id, 2, Map.of("checked", 0), Instant.now());
		});
		// when: a status change comes
		CompletableFuture<Boolean> change = CompletableFuture
			.supplyAsync(() -> this.transactions.execute((tx) -> this.batches.transition(id,
					List.of(BookingBatchStatus.VALIDATED), BookingBatchStatus.VALIDATED, Instant.now())));
		// then: it waits for the partition's chunk
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'")
				.query(Long.class)
				.single() == 1);
		assertThat(change).isNotDone();
		release.countDown();
		partition1.get(30, TimeUnit.SECONDS);
		assertThat(change.get(30, TimeUnit.SECONDS)).isTrue();
		this.batches.foldShards(id);
	}

	private int ownCount(long id, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM booking_batch WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

}
