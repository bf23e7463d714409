package org.bookingbatch.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * The scheduled runs, one row per date: the unique key on the date is what keeps a
 * night's run from happening twice, whatever the launch lock did.
 */
@Repository
class ScheduledRuns {

	private final JdbcClient jdbc;

	ScheduledRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(LocalDate runDate) {
		return this.jdbc.sql("SELECT COUNT(*) FROM scheduled_run WHERE run_date = :date")
			.param("date", runDate)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Claims the date. A second claim of the same date fails with a duplicate key (after
	 * waiting for the first claim's transaction, if it is still open).
	 */
	void insert(LocalDate runDate, Instant firedAt, String node, GenerationProperties.ScheduleMode mode, LocalDate from,
			LocalDate to, State state, @Nullable String message) {
		this.jdbc.sql("""
				INSERT INTO scheduled_run (run_date, fired_at, node_id, mode, from_date, to_date, state, message)
				VALUES (:date, :firedAt, :node, :mode, :from, :to, :state, :message)
				""")
			.param("date", runDate)
			.param("firedAt", Timestamp.from(firedAt))
			.param("node", node)
			.param("mode", mode.name())
			.param("from", from)
			.param("to", to)
			.param("state", state.name())
			.param("message", (message != null) ? BatchRepository.truncate(message, 1000) : null)
			.update();
	}

	void setFirstBatch(LocalDate runDate, long batchId) {
		int updated = this.jdbc
			.sql("UPDATE scheduled_run SET first_batch_id = :batchId, batch_id = :batchId WHERE run_date = :date")
			.param("batchId", batchId)
			.param("date", runDate)
			.update();
		Assert.state(updated == 1, "scheduled run not updated");
	}

	/** The dates whose runs still have something to follow, oldest first. */
	List<LocalDate> open() {
		return this.jdbc.sql("SELECT run_date FROM scheduled_run WHERE state = 'OPEN' ORDER BY run_date")
			.query(LocalDate.class)
			.list();
	}

	/** Reads the run and locks its row until the transaction ends. */
	Optional<ScheduledRun> lock(LocalDate runDate) {
		return this.jdbc.sql("SELECT * FROM scheduled_run WHERE run_date = :date FOR UPDATE")
			.param("date", runDate)
			.query(ScheduledRuns::map)
			.optional();
	}

	Optional<ScheduledRun> find(LocalDate runDate) {
		return this.jdbc.sql("SELECT * FROM scheduled_run WHERE run_date = :date")
			.param("date", runDate)
			.query(ScheduledRuns::map)
			.optional();
	}

	/** The latest run. */
	Optional<ScheduledRun> last() {
		return this.jdbc.sql("SELECT * FROM scheduled_run ORDER BY run_date DESC LIMIT 1")
			.query(ScheduledRuns::map)
			.optional();
	}

	void markConfirmed(LocalDate runDate, long batchId) {
		update("UPDATE scheduled_run SET confirmed_batch_id = :batchId WHERE run_date = :date", runDate, batchId);
	}

	/** Follows the batch that replaced the run's batch (a retry started by someone). */
	void follow(LocalDate runDate, long batchId) {
		update("UPDATE scheduled_run SET batch_id = :batchId WHERE run_date = :date", runDate, batchId);
	}

	void retryAt(LocalDate runDate, Instant at) {
		int updated = this.jdbc.sql("UPDATE scheduled_run SET next_retry_at = :at WHERE run_date = :date")
			.param("at", Timestamp.from(at))
			.param("date", runDate)
			.update();
		Assert.state(updated == 1, "scheduled run not updated");
	}

	void retried(LocalDate runDate, long retryBatchId) {
		update("""
				UPDATE scheduled_run SET batch_id = :batchId, retries = retries + 1, next_retry_at = NULL
				WHERE run_date = :date
				""", runDate, retryBatchId);
	}

	void note(LocalDate runDate, String message) {
		this.jdbc.sql("UPDATE scheduled_run SET message = :message WHERE run_date = :date")
			.param("message", BatchRepository.truncate(message, 1000))
			.param("date", runDate)
			.update();
	}

	void close(LocalDate runDate, State state, String message) {
		int updated = this.jdbc
			.sql("UPDATE scheduled_run SET state = :state, message = :message WHERE run_date = :date")
			.param("state", state.name())
			.param("message", BatchRepository.truncate(message, 1000))
			.param("date", runDate)
			.update();
		Assert.state(updated == 1, "scheduled run not closed");
	}

	private void update(String sql, LocalDate runDate, long batchId) {
		int updated = this.jdbc.sql(sql).param("batchId", batchId).param("date", runDate).update();
		Assert.state(updated == 1, "scheduled run not updated");
	}

	private static ScheduledRun map(ResultSet rs, int row) throws SQLException {
		return new ScheduledRun(rs.getObject("run_date", LocalDate.class), BatchRepository.instant(rs, "fired_at"),
				rs.getString("node_id"), GenerationProperties.ScheduleMode.valueOf(rs.getString("mode")),
				rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
				BatchRepository.nullableLong(rs, "first_batch_id"), BatchRepository.nullableLong(rs, "batch_id"),
				rs.getInt("retries"), BatchRepository.instant(rs, "next_retry_at"),
				BatchRepository.nullableLong(rs, "confirmed_batch_id"), State.valueOf(rs.getString("state")),
				rs.getString("message"));
	}

	/** Where a scheduled run stands. */
	enum State {

		/** Its batch may still need an auto-confirm or a retry. */
		OPEN,

		/** Its batch (or its last retry) finished other than FAILED. */
		DONE,

		/** Its batch failed and no retry is left. */
		GAVE_UP,

		/** No batch could be started (for example a batch mid-creation blocked it). */
		REFUSED

	}

	/**
	 * One scheduled run.
	 *
	 * @param batchId the latest attempt: the first batch or its latest retry
	 * @param confirmedBatchId the batch the run auto-confirmed last
	 */
	record ScheduledRun(LocalDate runDate, Instant firedAt, String nodeId, GenerationProperties.ScheduleMode mode,
			LocalDate from, LocalDate to, @Nullable Long firstBatchId, @Nullable Long batchId, int retries,
			@Nullable Instant nextRetryAt, @Nullable Long confirmedBatchId, State state, @Nullable String message) {
	}

}
