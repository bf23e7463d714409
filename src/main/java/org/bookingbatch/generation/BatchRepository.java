package org.bookingbatch.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;

/**
 * Batches and their counts. Counts change by deltas in the transaction that changes the
 * entries they count. The chunks of a partitioned step keep their deltas in a shard row
 * of their own (booking_batch_shard) and lock the batch row shared, so that partitions
 * write at the same time; a batch's counts are its own plus its shards', until the step
 * folds the shards into the batch row.
 */
@Repository
class BatchRepository {

	/** The count columns a delta may touch. */
	static final List<String> COUNT_COLUMNS = List.of("total", "pending", "valid", "invalid", "warnings", "stale",
			"selected", "confirmed", "creating", "created", "failed", "skipped", "removed", "checked", "rejected");

	/**
	 * The sums of each batch's shards: columns s_total, s_pending, ..., s_heartbeat_at.
	 */
	static final String SHARD_SUMS = "SELECT batch_id, "
			+ COUNT_COLUMNS.stream().map((c) -> "SUM(" + c + ") AS s_" + c).collect(Collectors.joining(", "))
			+ ", MAX(heartbeat_at) AS s_heartbeat_at FROM booking_batch_shard";

	private static final String SELECT = """
			SELECT b.*, (SELECT GROUP_CONCAT(t.team_id ORDER BY t.team_id) FROM booking_batch_team t
			WHERE t.batch_id = b.id) AS team_ids, s.* FROM booking_batch b
			LEFT JOIN (%s GROUP BY batch_id) s ON s.batch_id = b.id
			""".formatted(SHARD_SUMS);

	private final JdbcClient jdbc;

	BatchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewBatch batch, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		int inserted = this.jdbc.sql("""
				INSERT INTO booking_batch (name, from_date, to_date, status, origin, provisional, retry_of_id,
				created_by, created_at, updated_at)
				VALUES ('', :from, :to, 'PENDING', :origin, :provisional, :retryOfId, :createdBy, :now, :now)
				""")
			.param("from", batch.from())
			.param("to", batch.to())
			.param("origin", batch.origin().name())
			.param("provisional", batch.provisional())
			.param("retryOfId", batch.retryOfId())
			.param("createdBy", batch.createdBy())
			.param("now", Timestamp.from(now))
			.update(keys);
		Assert.state(inserted == 1, "batch not inserted");
		long id = keys.getKey().longValue();
		for (Long teamId : batch.teamIds()) {
			this.jdbc.sql("INSERT INTO booking_batch_team (batch_id, team_id) VALUES (:id, :teamId)")
				.param("id", id)
				.param("teamId", teamId)
				.update();
		}
		return id;
	}

	void rename(long id, String name) {
		int updated = this.jdbc.sql("UPDATE booking_batch SET name = :name WHERE id = :id")
			.param("name", name)
			.param("id", id)
			.update();
		Assert.state(updated == 1, "batch not renamed");
	}

	Optional<BookingBatch> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE b.id = :id").param("id", id).query(BatchRepository::map).optional();
	}

	/**
	 * Reads the batch and locks its row until the transaction ends. The shards are read
	 * without a lock (a locking read locks the outer query's rows only): the chunks that
	 * write them hold the batch row shared, so none is under way once this has the lock.
	 */
	Optional<BookingBatch> lock(long id) {
		return this.jdbc.sql(SELECT + " WHERE b.id = :id FOR UPDATE")
			.param("id", id)
			.query(BatchRepository::map)
			.optional();
	}

	List<BookingBatch> findByStatus(Collection<BookingBatchStatus> statuses) {
		return this.jdbc.sql(SELECT + " WHERE b.status IN (:statuses) ORDER BY b.id")
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.query(BatchRepository::map)
			.list();
	}

	PageResponse<BookingBatch> page(@Nullable Collection<BookingBatchStatus> statuses, boolean includeDone,
			PageParams page) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (statuses != null && !statuses.isEmpty()) {
			where.append(" AND b.status IN (:statuses)");
			params.put("statuses", statuses.stream().map(Enum::name).toList());
		}
		if (!includeDone) {
			where.append(" AND b.done_at IS NULL");
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM booking_batch b" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<BookingBatch> content = this.jdbc.sql(SELECT + where + " ORDER BY b.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(BatchRepository::map)
			.list();
		return PageResponse.of(content, page, total);
	}

	/**
	 * Batches mid-creation whose range overlaps the given one and whose teams overlap the
	 * given teams (no teams means all teams).
	 */
	List<BookingBatch> findBlocking(LocalDate from, LocalDate to, Collection<Long> teamIds, long excludeId) {
		return findByStatus(
				List.of(BookingBatchStatus.CONFIRMING, BookingBatchStatus.CONFIRMED, BookingBatchStatus.CREATING))
			.stream()
			.filter((b) -> b.id() != excludeId)
			.filter((b) -> !b.from().isAfter(to) && !b.to().isBefore(from))
			.filter((b) -> b.teamIds().isEmpty() || teamIds.isEmpty()
					|| b.teamIds().stream().anyMatch(teamIds::contains))
			.toList();
	}

	/**
	 * Moves the batch to {@code to} if it is in one of the {@code from} statuses; false
	 * if it was not.
	 */
	boolean transition(long id, Collection<BookingBatchStatus> from, BookingBatchStatus to, Instant now) {
		return this.jdbc.sql("""
				UPDATE booking_batch SET status = :to, updated_at = :now, version = version + 1,
				finished_at = CASE WHEN :finished THEN :now ELSE finished_at END
				WHERE id = :id AND status IN (:from)
				""")
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.param("finished", to.isFinished())
			.param("id", id)
			.param("from", from.stream().map(Enum::name).toList())
			.update() == 1;
	}

	void fail(long id, String reason, Instant now) {
		this.jdbc.sql("""
				UPDATE booking_batch SET status = 'FAILED', failure_reason = :reason, updated_at = :now,
				finished_at = :now, version = version + 1 WHERE id = :id
				""").param("reason", truncate(reason, 2000)).param("now", Timestamp.from(now)).param("id", id).update();
	}

	/**
	 * Adds a partition's deltas to its shard and records the heartbeat of the node doing
	 * the work; shard 0 is the batch row itself.
	 */
	void addCounts(long id, int shard, Map<String, Integer> deltas, Instant now) {
		if (shard == 0) {
			addCounts(id, deltas, now);
			return;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = "UPDATE booking_batch_shard SET heartbeat_at = :now" + deltaAssignments(deltas, params)
				+ " WHERE batch_id = :id AND shard = :shard";
		params.put("now", Timestamp.from(now));
		params.put("id", id);
		params.put("shard", shard);
		if (this.jdbc.sql(sql).params(params).update() == 0) {
			// the partition's first chunk
			this.jdbc.sql("INSERT INTO booking_batch_shard (batch_id, shard, heartbeat_at) VALUES (:id, :shard, :now)")
				.params(params)
				.update();
			this.jdbc.sql(sql).params(params).update();
		}
	}

	/**
	 * Adds the shards' counts to the batch row and deletes them, when a partitioned step
	 * ends.
	 */
	@Transactional
	void foldShards(long id) {
		lockStatus(id);
		String sums = COUNT_COLUMNS.stream()
			.map((c) -> "b." + c + " = b." + c + " + s.s_" + c)
			.collect(Collectors.joining(", "));
		this.jdbc
			.sql("UPDATE booking_batch b JOIN (" + SHARD_SUMS + " WHERE batch_id = :id GROUP BY batch_id) s"
					+ " ON s.batch_id = b.id SET " + sums
					+ ", b.heartbeat_at = GREATEST(COALESCE(b.heartbeat_at, s.s_heartbeat_at), s.s_heartbeat_at)"
					+ " WHERE b.id = :id")
			.param("id", id)
			.update();
		this.jdbc.sql("DELETE FROM booking_batch_shard WHERE batch_id = :id").param("id", id).update();
	}

	/**
	 * Adds the deltas to the counts and records the heartbeat of the node doing the work.
	 */
	void addCounts(long id, Map<String, Integer> deltas, Instant now) {
		Map<String, Object> params = new LinkedHashMap<>();
		int updated = this.jdbc
			.sql("UPDATE booking_batch SET updated_at = :now, heartbeat_at = :now" + deltaAssignments(deltas, params)
					+ " WHERE id = :id")
			.params(params)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		Assert.state(updated == 1, "batch counts not updated");
	}

	/** ", total = total + :d_total, ..." for the deltas that change a count. */
	private static String deltaAssignments(Map<String, Integer> deltas, Map<String, Object> params) {
		StringBuilder sql = new StringBuilder();
		deltas.forEach((column, delta) -> {
			Assert.isTrue(COUNT_COLUMNS.contains(column), () -> "not a count: " + column);
			if (delta != 0) {
				sql.append(", ").append(column).append(" = ").append(column).append(" + :d_").append(column);
				params.put("d_" + column, delta);
			}
		});
		return sql.toString();
	}

	/**
	 * Sets the counts from the entries themselves (after bulk changes such as refresh or
	 * force complete).
	 */
	void recount(long id, Instant now) {
		lockStatus(id);
		this.jdbc.sql("DELETE FROM booking_batch_shard WHERE batch_id = :id").param("id", id).update();
		this.jdbc.sql("""
				UPDATE booking_batch b JOIN (
				  SELECT COALESCE(SUM(status <> 'REMOVED'), 0) total, COALESCE(SUM(status = 'PENDING'), 0) pending,
				  COALESCE(SUM(status = 'VALID'), 0) valid, COALESCE(SUM(status = 'INVALID'), 0) invalid,
				  COALESCE(SUM(status = 'VALID' AND has_warning), 0) warnings,
				  COALESCE(SUM(stale AND status IN ('VALID', 'INVALID')), 0) stale,
				  COALESCE(SUM(status = 'VALID' AND selected), 0) selected,
				  COALESCE(SUM(status = 'CONFIRMED'), 0) confirmed, COALESCE(SUM(status = 'CREATING'), 0) creating,
				  COALESCE(SUM(status = 'CREATED'), 0) created, COALESCE(SUM(status = 'FAILED'), 0) failed,
				  COALESCE(SUM(status = 'REMOVED'), 0) removed
				  FROM batch_entry WHERE batch_id = :id) c
				SET b.total = c.total, b.pending = c.pending, b.valid = c.valid, b.invalid = c.invalid,
				b.warnings = c.warnings, b.stale = c.stale, b.selected = c.selected, b.confirmed = c.confirmed,
				b.creating = c.creating, b.created = c.created, b.failed = c.failed, b.removed = c.removed,
				b.updated_at = :now
				WHERE b.id = :id
				""").param("id", id).param("now", Timestamp.from(now)).update();
	}

	void setCount(long id, String column, int value) {
		Assert.isTrue(COUNT_COLUMNS.contains(column), () -> "not a count: " + column);
		this.jdbc.sql("UPDATE booking_batch SET " + column + " = :value WHERE id = :id")
			.param("value", value)
			.param("id", id)
			.update();
	}

	void claim(long id, String node, Instant now) {
		this.jdbc.sql("UPDATE booking_batch SET owner_node = :node, heartbeat_at = :now WHERE id = :id")
			.param("node", node)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/** Takes over a batch from a dead node, unless another node took it first. */
	boolean claimFrom(long id, long version, String node, Instant now) {
		return this.jdbc.sql("""
				UPDATE booking_batch SET owner_node = :node, heartbeat_at = :now, resume_attempts = resume_attempts + 1,
				version = version + 1 WHERE id = :id AND version = :version
				""")
			.param("node", node)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	void heartbeat(long id, Instant now) {
		this.jdbc.sql("UPDATE booking_batch SET heartbeat_at = :now WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void markDone(long id, Instant now) {
		this.jdbc
			.sql("UPDATE booking_batch SET done_at = :now, updated_at = :now, version = version + 1 WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void linkRetry(long originalId, long retryId) {
		int updated = this.jdbc.sql("UPDATE booking_batch SET retried_as_id = :retryId WHERE id = :id")
			.param("retryId", retryId)
			.param("id", originalId)
			.update();
		Assert.state(updated == 1, "retry not linked");
	}

	void resetResumeAttempts(long id) {
		this.jdbc.sql("UPDATE booking_batch SET resume_attempts = 0 WHERE id = :id").param("id", id).update();
	}

	/** Number of bookings that carry the batch's id. */
	long bookingCount(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM booking WHERE batch_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	/**
	 * Locks the batch row; every writer of a batch's entries takes it first, so locks are
	 * taken in one order.
	 */
	BookingBatchStatus lockStatus(long id) {
		return lockStatus(id, 0);
	}

	/**
	 * Locks the batch row for a chunk's writes: shared for a partition's chunk (shard
	 * above 0), which writes its counts to its shard, so that partitions write at once;
	 * exclusive otherwise. Status changes wait for the chunks under way either way.
	 */
	BookingBatchStatus lockStatus(long id, int shard) {
		String lock = (shard > 0) ? " LOCK IN SHARE MODE" : " FOR UPDATE";
		return BookingBatchStatus.valueOf(this.jdbc.sql("SELECT status FROM booking_batch WHERE id = :id" + lock)
			.param("id", id)
			.query(String.class)
			.single());
	}

	int rejected(long id) {
		return find(id).orElseThrow().counts().rejected();
	}

	/** Takes the lock that serialises starts and confirms against the blocking rule. */
	void lockStarts() {
		// The upsert locks the row exclusively at once, also when it has to create it. An
		// INSERT IGNORE before a SELECT ... FOR UPDATE would take a shared lock first,
		// and
		// two starts upgrading their shared locks deadlock.
		this.jdbc.sql("INSERT INTO generation_lock (name) VALUES ('start') ON DUPLICATE KEY UPDATE name = name")
			.update();
	}

	static BookingBatch map(ResultSet rs, int row) throws SQLException {
		String teams = rs.getString("team_ids");
		List<Long> teamIds = (teams == null || teams.isEmpty()) ? List.of()
				: Arrays.stream(teams.split(",")).map(Long::valueOf).toList();
		BatchCounts counts = new BatchCounts(count(rs, "total"), count(rs, "pending"), count(rs, "valid"),
				count(rs, "invalid"), count(rs, "warnings"), count(rs, "stale"), count(rs, "selected"),
				count(rs, "confirmed"), count(rs, "creating"), count(rs, "created"), count(rs, "failed"),
				count(rs, "skipped"), count(rs, "removed"), count(rs, "checked"), count(rs, "rejected"));
		Instant shardHeartbeat = instant(rs, "s_heartbeat_at");
		return new BookingBatch(rs.getLong("id"), rs.getString("name"), rs.getObject("from_date", LocalDate.class),
				rs.getObject("to_date", LocalDate.class), teamIds, BookingBatchStatus.valueOf(rs.getString("status")),
				BatchOrigin.valueOf(rs.getString("origin")), rs.getBoolean("provisional"),
				nullableLong(rs, "retry_of_id"), nullableLong(rs, "retried_as_id"), rs.getString("created_by"),
				instant(rs, "created_at"), latest(instant(rs, "updated_at"), shardHeartbeat),
				instant(rs, "finished_at"), instant(rs, "done_at"), rs.getString("failure_reason"), counts,
				rs.getString("owner_node"), latest(instant(rs, "heartbeat_at"), shardHeartbeat),
				rs.getInt("resume_attempts"), rs.getLong("version"));
	}

	/** The batch row's count plus its shards'. */
	private static int count(ResultSet rs, String column) throws SQLException {
		return rs.getInt(column) + rs.getInt("s_" + column);
	}

	private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
		return (a == null || (b != null && b.isAfter(a))) ? b : a;
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * An instant stored as a UTC date-time (the connection's time zone is UTC). Read as a
	 * local date-time, which the driver builds without a calendar.
	 */
	static Instant instant(ResultSet rs, String column) throws SQLException {
		return utc(rs.getObject(column, LocalDateTime.class));
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		return utc(rs.getObject(column, LocalDateTime.class));
	}

	private static @Nullable Instant utc(@Nullable LocalDateTime dateTime) {
		return (dateTime != null) ? dateTime.toInstant(ZoneOffset.UTC) : null;
	}

	static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/** What a new batch starts with. */
	record NewBatch(LocalDate from, LocalDate to, List<Long> teamIds, BatchOrigin origin, boolean provisional,
			@Nullable Long retryOfId, String createdBy) {

		NewBatch {
			teamIds = new ArrayList<>(teamIds);
		}

	}

}
