package org.bookingbatch.generation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.bookingbatch.booking.BookingStatusPolicy;

/**
 * Writes the drafts of a chunk of schedule entries as PENDING entries, leaving out
 * occurrences that already have a booking (one query for the whole chunk), and grows the
 * batch's total in the same transaction.
 */
class BuildEntriesWriter implements ItemWriter<List<EntryDraft>> {

	private final long batchId;

	private final int shard;

	private final LocalDate from;

	private final LocalDate to;

	private final JdbcClient jdbc;

	private final EntryRepository entries;

	private final BatchRepository batches;

	private final BookingStatusPolicy statuses;

	private final Clock clock;

	BuildEntriesWriter(long batchId, int shard, LocalDate from, LocalDate to, JdbcClient jdbc, EntryRepository entries,
			BatchRepository batches, BookingStatusPolicy statuses, Clock clock) {
		this.batchId = batchId;
		this.shard = shard;
		this.from = from;
		this.to = to;
		this.jdbc = jdbc;
		this.entries = entries;
		this.batches = batches;
		this.statuses = statuses;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends List<EntryDraft>> chunk) {
		Set<Long> scheduleEntryIds = new HashSet<>();
		for (List<EntryDraft> drafts : chunk) {
			for (EntryDraft draft : drafts) {
				scheduleEntryIds.add(draft.scheduleEntryId());
			}
		}
		Set<String> booked = bookedOccurrences(scheduleEntryIds);
		List<EntryDraft> fresh = new ArrayList<>();
		for (List<EntryDraft> drafts : chunk) {
			for (EntryDraft draft : drafts) {
				if (!booked.contains(draft.scheduleEntryId() + "@" + draft.occurrenceDate())) {
					fresh.add(draft);
				}
			}
		}
		EntryRepository.PreparedInsert insert = this.entries.prepareInsert(this.batchId, fresh);
		// the lock is held for the writes alone: other partitions draft meanwhile; a
		// batch cancelled meanwhile (or before its job started) gets no more entries
		if (this.batches.lockStatus(this.batchId, this.shard).isFinished()) {
			return;
		}
		this.entries.insert(insert);
		this.batches.addCounts(this.batchId, this.shard,
				java.util.Map.of("total", fresh.size(), "pending", fresh.size()), Instant.now(this.clock));
	}

	private Set<String> bookedOccurrences(Set<Long> scheduleEntryIds) {
		Set<String> booked = new HashSet<>();
		if (scheduleEntryIds.isEmpty()) {
			return booked;
		}
		this.jdbc.sql("""
				SELECT schedule_entry_id, occurrence_date FROM booking WHERE schedule_entry_id IN (:ids)
				AND occurrence_date BETWEEN :from AND :to AND status IN (:statuses)
				""")
			.param("ids", scheduleEntryIds)
			.param("from", this.from)
			.param("to", this.to)
			.param("statuses", this.statuses.bookedStatuses())
			.query((rs) -> {
				booked.add(rs.getLong(1) + "@" + rs.getObject(2, LocalDate.class));
			});
		return booked;
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
