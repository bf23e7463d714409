package org.bookingbatch.generation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * A chunk whose transaction the server makes a deadlock's victim is written again, once,
 * and a chunk whose statement timed out waiting for a lock is not. The deadlocks are real
 * ones: another connection takes a lock the chunk will ask for and then waits for one the
 * chunk holds, and it has written more than the chunk, so that InnoDB rolls the chunk
 * back.
 */
class DeadlockRetryIntegrationTests extends GenerationIntegrationTestSupport {

	/**
	 * Two rows that the chunks of these tests lock, and the rows that weigh the other
	 * down.
	 */
	private static final long FIRST = 900_000_001L;

	private static final long SECOND = 900_000_002L;

	private static final long BALLAST = 900_000_100L;

	private final ExecutorService other = Executors.newSingleThreadExecutor();

	@Autowired
	DataSource dataSource;

	@Autowired
	DeadlockRetry retry;

	@Autowired
	PlatformTransactionManager transactionManager;

	private TransactionTemplate chunkTransaction;

	@BeforeEach
	void setUp() {
		northTeamWeek();
		this.jdbc.sql("""
				INSERT INTO batch_entry_carer (entry_id, slot, batch_id, carer_id, starts_at, ends_at)
				VALUES (:first, 1, 0, 0, '2030-01-01', '2030-01-01'), (:second, 1, 0, 0, '2030-01-01', '2030-01-01')
				""").param("first", FIRST).param("second", SECOND).update();
		this.chunkTransaction = new TransactionTemplate(this.transactionManager);
		this.chunkTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	@AfterEach
	void stopOther() throws InterruptedException {
		this.other.shutdownNow();
		this.other.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void aChunkThatLosesADeadlockIsWrittenAgainAndCountsOnce() {
		// given: a chunk that adds one to both rows, the first time in a deadlock
		AtomicInteger attempts = new AtomicInteger();
		ItemWriter<Long> writer = addingOneToBoth(attempts, 1);
		// when
		this.chunkTransaction.executeWithoutResult((status) -> write(writer));
		// then: the first attempt's addition to the first row was rolled back with its
		// transaction
		assertThat(attempts).hasValue(2);
		assertThat(carerId(FIRST)).isOne();
		assertThat(carerId(SECOND)).isOne();
	}

	@Test
	void aChunkWhoseStatementTimedOutWaitingForALockIsNotWrittenAgain() {
		// given: the other connection holds the second row; the chunk waits one second
		// for it
		CountDownLatch release = otherHolds(SECOND);
		AtomicInteger attempts = new AtomicInteger();
		ItemWriter<Long> writer = this.retry.around((chunk) -> {
			attempts.incrementAndGet();
			addOne(FIRST);
			this.jdbc
				.sql("SET STATEMENT innodb_lock_wait_timeout = 1 FOR UPDATE batch_entry_carer"
						+ " SET carer_id = carer_id + 1 WHERE entry_id = :id")
				.param("id", SECOND)
				.update();
		});
		// when / then: the timeout undid only the statement that waited, so writing the
		// chunk again would add to the first row twice
		assertThatException().isThrownBy(() -> this.chunkTransaction.executeWithoutResult((status) -> write(writer)))
			.satisfies((ex) -> assertThat(errorCode(ex)).isEqualTo(1205));
		assertThat(attempts).hasValue(1);
		release.countDown();
		assertThat(carerId(FIRST)).isZero();
	}

	@Test
	void aChunkThatKeepsLosingDeadlocksFailsAfterThreeAttempts() {
		// given: a chunk that would be written the sixth time
		AtomicInteger attempts = new AtomicInteger();
		ItemWriter<Long> writer = addingOneToBoth(attempts, 5);
		// when / then
		assertThatException().isThrownBy(() -> this.chunkTransaction.executeWithoutResult((status) -> write(writer)))
			.satisfies((ex) -> assertThat(DeadlockRetry.isDeadlock(ex)).isTrue());
		assertThat(attempts).hasValue(DeadlockRetry.ATTEMPTS);
		assertThat(carerId(FIRST)).isZero();
		assertThat(carerId(SECOND)).isZero();
	}

	@Test
	void aFinalCheckChunkThatLosesADeadlockIsWrittenAgainAndTheBatchCompletes() throws Exception {
		// given: another transaction has changed Cara's Wednesday entry without
		// committing yet, so that the final check of the entry waits for it
		long id = startValidated();
		long caraWednesday = entryId(id, this.doubleHanded, this.monday.plusDays(2));
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (Statement statement = other.createStatement()) {
				weighDown(statement);
				statement.executeUpdate("UPDATE batch_entry SET version = version + 1 WHERE id = " + caraWednesday);
				// when: the batch is confirmed, and once the entry's chunk waits for it
				// (the other partitions done), the other transaction asks for the batch's
				// lock, which the chunk holds
				TestHttp.Response confirm = action("coordinator", id, "confirm");
				assertThat(confirm.status()).as(confirm.body()).isEqualTo(202);
				awaitLockWait("UPDATE batch_entry SET status");
				awaitTransactions("trx_rows_locked > 0", 2);
				statement.executeQuery("SELECT id FROM booking_batch WHERE id = " + id + " FOR UPDATE").close();
			}
			finally {
				other.rollback();
				other.setAutoCommit(true);
			}
		}
		// then: the chunk was written again, and every entry has its one booking
		JsonNode batch = awaitSettled(id, "COMPLETED");
		assertThat(batch.get("counts").get("created").asInt()).isEqualTo(7);
		assertThat(bookingCount(id)).isEqualTo(7);
		assertThat(timeline(id)).filteredOn((event) -> DeadlockRetry.CHUNK_RETRIED.equals(text(event.get("type"))))
			.singleElement()
			.satisfies((event) -> assertThat(text(event.get("message"))).contains(
					BookingGenerationJobConfiguration.CONFIRM_STEP, "met a deadlock",
					"written again (attempt 2 of 3)"));
	}

	/**
	 * A chunk, written with the retry, that adds one to both rows and loses a deadlock in
	 * each of its first attempts.
	 */
	private ItemWriter<Long> addingOneToBoth(AtomicInteger attempts, int deadlocks) {
		return this.retry.around((chunk) -> {
			int attempt = attempts.incrementAndGet();
			addOne(FIRST);
			if (attempt <= deadlocks) {
				otherTakesSecondThenWaitsForFirst();
			}
			addOne(SECOND);
		});
	}

	private void write(ItemWriter<Long> writer) {
		try {
			writer.write(new Chunk<>(1L));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void addOne(long row) {
		this.jdbc.sql("UPDATE batch_entry_carer SET carer_id = carer_id + 1 WHERE entry_id = :id")
			.param("id", row)
			.update();
	}

	private long carerId(long row) {
		return this.jdbc.sql("SELECT carer_id FROM batch_entry_carer WHERE entry_id = :id")
			.param("id", row)
			.query(Long.class)
			.single();
	}

	/**
	 * Called by a chunk holding the first row: the other connection, weighed down with
	 * fifty rows of its own, takes the second row and then waits for the first, which
	 * makes the chunk's next request for the second row a deadlock that the chunk loses.
	 * The other connection then rolls back.
	 */
	private void otherTakesSecondThenWaitsForFirst() {
		this.other.submit(() -> {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					weighDown(statement);
					statement.executeUpdate(
							"UPDATE batch_entry_carer SET carer_id = carer_id + 10 WHERE entry_id = " + SECOND);
					statement.executeUpdate(
							"UPDATE batch_entry_carer SET carer_id = carer_id + 10 WHERE entry_id = " + FIRST);
				}
				finally {
					connection.rollback();
					connection.setAutoCommit(true);
				}
			}
			return null;
		});
		awaitLockWait("UPDATE batch_entry_carer");
	}

	/** The other connection holds the row until the latch it returns is counted down. */
	private CountDownLatch otherHolds(long row) {
		CountDownLatch release = new CountDownLatch(1);
		this.other.submit(() -> {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement
						.executeUpdate("UPDATE batch_entry_carer SET carer_id = carer_id + 10 WHERE entry_id = " + row);
					release.await();
				}
				finally {
					connection.rollback();
					connection.setAutoCommit(true);
				}
			}
			return null;
		});
		awaitTransactions("trx_rows_modified > 0", 1);
		return release;
	}

	/**
	 * Fifty rows, so that the server rolls back the chunk rather than this transaction.
	 */
	private static void weighDown(Statement statement) throws SQLException {
		statement.executeUpdate("""
				INSERT INTO batch_entry_carer (entry_id, slot, batch_id, carer_id, starts_at, ends_at)
				WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49)
				SELECT %d + i, 1, 0, 0, '2030-01-01', '2030-01-01' FROM n""".formatted(BALLAST));
	}

	private void awaitLockWait(String statement) {
		awaitTransactions("trx_state = 'LOCK WAIT' AND trx_query LIKE '" + statement + "%'", 1);
	}

	/**
	 * Waits until as many transactions as given match the condition. The server refreshes
	 * its table of transactions only when it was last read over 100 ms before, so it is
	 * read every 200 ms.
	 */
	private void awaitTransactions(String condition, long count) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM information_schema.innodb_trx WHERE " + condition)
				.query(Long.class)
				.single() == count);
	}

	private static int errorCode(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql.getErrorCode();
			}
		}
		return 0;
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

}
