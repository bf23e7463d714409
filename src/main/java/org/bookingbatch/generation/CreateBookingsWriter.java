package org.bookingbatch.generation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.bookingbatch.booking.BookingStatusPolicy;

/**
 * Turns a chunk of confirmed entries (their ids) into bookings with a few set-based
 * statements. The unique key on (schedule entry, occurrence date) keeps a resumed chunk
 * from booking twice; an entry whose occurrence was booked meanwhile, or whose row a
 * constraint refuses, becomes FAILED with the reason while the others are created.
 */
class CreateBookingsWriter implements ItemWriter<Long> {

	/**
	 * The status an entry's booking starts in: provisional when the batch asks for it,
	 * otherwise by how many of the carers it needs the entry has.
	 */
	private static final String BOOKING_STATUS = """
			CASE WHEN :provisional THEN :provisionalStatus
			  WHEN e.carer_ids = '' THEN :unallocated
			  WHEN LENGTH(e.carer_ids) - LENGTH(REPLACE(e.carer_ids, ',', '')) + 1 >= e.carers_required THEN :allocated
			  ELSE :partiallyAllocated END""";

	/** How many runs of consecutive entry ids {@link #setCreated} takes at most. */
	private static final int RUNS = 32;

	private static final String SET_CREATED = """
			UPDATE batch_entry e SET e.status = 'CREATED', e.booking_id = e.id + CASE %s END, e.version = e.version + 1
			WHERE e.batch_id = :batchId AND e.id IN (:ids) AND e.status = 'CONFIRMED'
			""".formatted(IntStream.range(0, RUNS)
		.mapToObj((run) -> "WHEN e.id <= :end%1$d THEN :offset%1$d".formatted(run))
		.collect(Collectors.joining(" ")));

	private final long batchId;

	private final int shard;

	private final boolean provisional;

	private final String createdBy;

	private final JdbcClient jdbc;

	private final BatchRepository batches;

	private final BookingStatusPolicy statuses;

	private final Clock clock;

	private final boolean consecutiveIds;

	/**
	 * @param consecutiveIds whether the server gives the rows of one INSERT ... SELECT
	 * consecutive ids (see {@link #consecutiveIds(JdbcClient)})
	 */
	CreateBookingsWriter(long batchId, int shard, boolean provisional, String createdBy, JdbcClient jdbc,
			BatchRepository batches, BookingStatusPolicy statuses, Clock clock, boolean consecutiveIds) {
		this.batchId = batchId;
		this.shard = shard;
		this.provisional = provisional;
		this.createdBy = createdBy;
		this.jdbc = jdbc;
		this.batches = batches;
		this.statuses = statuses;
		this.clock = clock;
		this.consecutiveIds = consecutiveIds;
	}

	/**
	 * Whether the rows of one INSERT ... SELECT get consecutive ids, in the order they
	 * are selected: with innodb_autoinc_lock_mode 0 or 1 (MariaDB's default) such a
	 * statement holds the table's auto-increment lock to its end; with 2 (MySQL 8's
	 * default) the statements of the partitions interleave.
	 */
	static boolean consecutiveIds(JdbcClient jdbc) {
		try {
			return jdbc.sql("SELECT @@innodb_autoinc_lock_mode <= 1 AND @@auto_increment_increment = 1")
				.query(Boolean.class)
				.single();
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	@Override
	public void write(Chunk<? extends Long> chunk) {
		List<? extends Long> ids = chunk.getItems();
		if (ids.isEmpty()) {
			return;
		}
		Instant now = Instant.now(this.clock);
		// a batch cancelled meanwhile (or sent back to review) gets no more bookings
		if (this.batches.lockStatus(this.batchId, this.shard) != BookingBatchStatus.CREATING) {
			return;
		}
		int inserted = this.jdbc.sql("""
				INSERT IGNORE INTO booking (client_id, team_id, schedule_entry_id, occurrence_date, starts_at, ends_at,
				carers_required, status, batch_id, created_at, created_by, last_activity_at)
				SELECT e.client_id, e.team_id, e.schedule_entry_id, e.occurrence_date, e.starts_at, e.ends_at,
				e.carers_required, %s, e.batch_id, :now, :createdBy, :now
				FROM batch_entry e WHERE e.batch_id = :batchId AND e.id IN (:ids) AND e.status = 'CONFIRMED'
				ORDER BY e.id
				""".formatted(BOOKING_STATUS))
			.params(bookingStatusParams())
			.param("now", Timestamp.from(now))
			.param("createdBy", this.createdBy)
			.param("batchId", this.batchId)
			.param("ids", ids)
			.update();
		int created = 0;
		if (inserted > 0) {
			// The statement's bookings have ids from its first generated one on; a
			// booking of the same occurrence from before (booked meanwhile) has a smaller
			// one. When it booked every entry with consecutive ids, each entry's booking
			// id follows from its place in the chunk; otherwise (an entry left out, or
			// other partitions' bookings interleaving) each entry's booking is looked up.
			long first = this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
			created = (this.consecutiveIds && inserted == ids.size()) ? setCreated(ids, first)
					: setCreatedFromBookings(ids, first);
			// The creations' history rows, for the chunk at once; they are also the
			// outbox of the booking events. Written from the entries, which give each
			// booking's id and status without reading the bookings again.
			this.jdbc
				.sql("""
						INSERT INTO booking_status_history (booking_id, from_status, to_status, transition, actor, at, reason)
						SELECT e.booking_id, NULL, %s, NULL, :createdBy, :now, :reason
						FROM batch_entry e
						WHERE e.batch_id = :batchId AND e.id IN (:ids) AND e.status = 'CREATED' AND e.booking_id >= :first
						ORDER BY e.booking_id
						"""
					.formatted(BOOKING_STATUS))
				.params(bookingStatusParams())
				.param("reason", "Created by batch #" + this.batchId)
				.param("createdBy", this.createdBy)
				.param("now", Timestamp.from(now))
				.param("batchId", this.batchId)
				.param("ids", ids)
				.param("first", first)
				.update();
			// From the chunk's entries to their carers: read the other way round, the
			// batch's carers are scanned once per chunk.
			this.jdbc.sql("""
					INSERT INTO booking_carer (booking_id, slot, carer_id, starts_at, ends_at)
					SELECT e.booking_id, c.slot, c.carer_id, c.starts_at, c.ends_at
					FROM batch_entry e STRAIGHT_JOIN batch_entry_carer c ON c.entry_id = e.id
					WHERE e.batch_id = :batchId AND e.id IN (:ids) AND e.status = 'CREATED' AND e.booking_id >= :first
					AND e.carer_ids <> ''
					""").param("batchId", this.batchId).param("ids", ids).param("first", first).update();
		}
		// the entries left confirmed could not be booked
		int failed = (created == ids.size()) ? 0
				: this.jdbc
					.sql("""
							UPDATE batch_entry e LEFT JOIN booking b ON b.schedule_entry_id = e.schedule_entry_id
							AND b.occurrence_date = e.occurrence_date
							SET e.status = 'FAILED', e.version = e.version + 1,
							e.error = CASE WHEN b.id IS NULL THEN 'The booking could not be written (a database constraint refused it)'
							  ELSE CONCAT('The occurrence was booked meanwhile (booking ', b.id, ')') END
							WHERE e.batch_id = :batchId AND e.id IN (:ids) AND e.status = 'CONFIRMED'
							""")
					.param("batchId", this.batchId)
					.param("ids", ids)
					.update();
		this.batches.addCounts(this.batchId, this.shard,
				Map.of("confirmed", -(created + failed), "created", created, "failed", failed), now);
	}

	/**
	 * Sets every entry of the chunk CREATED when the statement booked them all with
	 * consecutive ids: the k-th entry by id has booking first + k. Along each run of
	 * consecutive entry ids, the booking id is the entry id plus the run's offset. The
	 * statement has room for {@link #RUNS} runs (the unused ones repeat the last), so
	 * that it is one prepared statement whatever the chunk; a chunk whose entries fall
	 * into more runs gets its bookings looked up.
	 */
	private int setCreated(List<? extends Long> ids, long first) {
		long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
		Map<String, Object> runs = new HashMap<>();
		int run = 0;
		for (int k = 0; k < sorted.length; k++) {
			if (k == sorted.length - 1 || sorted[k + 1] != sorted[k] + 1) {
				if (run == RUNS) {
					return setCreatedFromBookings(ids, first);
				}
				runs.put("end" + run, sorted[k]);
				runs.put("offset" + run, first + k - sorted[k]);
				run++;
			}
		}
		for (int unused = run; unused < RUNS; unused++) {
			runs.put("end" + unused, runs.get("end" + (run - 1)));
			runs.put("offset" + unused, runs.get("offset" + (run - 1)));
		}
		return this.jdbc.sql(SET_CREATED).params(runs).param("batchId", this.batchId).param("ids", ids).update();
	}

	/**
	 * Sets the entries CREATED that the statement booked, looking their bookings up by
	 * occurrence: from the chunk's entries to their occurrences' bookings, one key each
	 * (a scan of the batch's bookings would wait for the other partitions').
	 */
	private int setCreatedFromBookings(List<? extends Long> ids, long first) {
		return this.jdbc.sql("""
				UPDATE batch_entry e STRAIGHT_JOIN booking b FORCE INDEX (booking_occurrence_uk)
				ON b.schedule_entry_id = e.schedule_entry_id AND b.occurrence_date = e.occurrence_date
				SET e.status = 'CREATED', e.booking_id = b.id, e.version = e.version + 1
				WHERE e.batch_id = :batchId AND e.id IN (:ids) AND e.status = 'CONFIRMED'
				AND b.batch_id = e.batch_id AND b.id >= :first
				""").param("first", first).param("batchId", this.batchId).param("ids", ids).update();
	}

	private Map<String, Object> bookingStatusParams() {
		return Map.of("provisional", this.provisional, "provisionalStatus", this.statuses.provisionalStatus(),
				"unallocated", this.statuses.statusForAllocation(1, 0), "allocated",
				this.statuses.statusForAllocation(1, 1), "partiallyAllocated", this.statuses.statusForAllocation(2, 1));
	}

}
