package org.bookingbatch.generation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.bookingbatch.booking.BookingStatusPolicy;

/**
 * Rebuilds a chunk of a batch's entries against today's schedules: adds new occurrences,
 * drops entries whose occurrence vanished or got booked elsewhere, redrafts entries whose
 * schedule entry changed (they go back to PENDING and are validated by the next step) and
 * keeps unchanged entries with the user's edits. Entries the user removed stay removed.
 */
class RefreshEntriesWriter implements ItemWriter<List<EntryDraft>> {

	private static final Set<EntryStatus> REVIEWABLE = Set.of(EntryStatus.PENDING, EntryStatus.VALID,
			EntryStatus.INVALID);

	private final long batchId;

	private final LocalDate from;

	private final LocalDate to;

	private final JdbcClient jdbc;

	private final EntryRepository entries;

	private final BookingStatusPolicy statuses;

	private final BatchRepository batches;

	private final Clock clock;

	RefreshEntriesWriter(long batchId, LocalDate from, LocalDate to, JdbcClient jdbc, EntryRepository entries,
			BookingStatusPolicy statuses, BatchRepository batches, Clock clock) {
		this.batchId = batchId;
		this.from = from;
		this.to = to;
		this.jdbc = jdbc;
		this.entries = entries;
		this.statuses = statuses;
		this.batches = batches;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends List<EntryDraft>> chunk) {
		Map<String, EntryDraft> drafts = new HashMap<>();
		Set<Long> scheduleEntryIds = new HashSet<>();
		for (List<EntryDraft> list : chunk) {
			for (EntryDraft draft : list) {
				drafts.put(key(draft.scheduleEntryId(), draft.occurrenceDate()), draft);
				scheduleEntryIds.add(draft.scheduleEntryId());
			}
		}
		if (scheduleEntryIds.isEmpty()) {
			return;
		}
		this.batches.lockStatus(this.batchId);
		Set<String> bookedElsewhere = bookedElsewhere(scheduleEntryIds);
		List<BatchEntry> existing = this.jdbc
			.sql("SELECT * FROM batch_entry WHERE batch_id = :batchId AND schedule_entry_id IN (:ids)")
			.param("batchId", this.batchId)
			.param("ids", scheduleEntryIds)
			.query(this.entries::map)
			.list();
		EntryState.Deltas deltas = new EntryState.Deltas();
		List<Long> dropped = new ArrayList<>();
		List<BatchEntry> redrafted = new ArrayList<>();
		Set<String> present = new HashSet<>();
		for (BatchEntry entry : existing) {
			String key = key(entry.scheduleEntryId(), entry.occurrenceDate());
			present.add(key);
			if (!REVIEWABLE.contains(entry.status())) {
				continue;
			}
			EntryDraft draft = drafts.get(key);
			if (draft == null || bookedElsewhere.contains(key)) {
				dropped.add(entry.id());
				deltas.deleted(entry.state());
			}
			else if (draft.scheduleVersion() != entry.scheduleVersion()) {
				redrafted.add(entry);
				deltas.change(entry.state(), new EntryState(EntryStatus.PENDING, false, false, false));
			}
		}
		List<EntryDraft> added = new ArrayList<>();
		drafts.forEach((key, draft) -> {
			if (!present.contains(key) && !bookedElsewhere.contains(key)) {
				added.add(draft);
				deltas.added(new EntryState(EntryStatus.PENDING, false, false, false));
			}
		});
		if (!dropped.isEmpty()) {
			this.jdbc.sql("DELETE FROM batch_entry_carer WHERE entry_id IN (:ids)").param("ids", dropped).update();
			this.jdbc.sql("DELETE FROM batch_entry WHERE id IN (:ids)").param("ids", dropped).update();
		}
		if (!redrafted.isEmpty()) {
			List<Long> ids = redrafted.stream().map(BatchEntry::id).toList();
			this.jdbc.sql("DELETE FROM batch_entry_carer WHERE entry_id IN (:ids)").param("ids", ids).update();
			this.jdbc.sql("DELETE FROM batch_entry WHERE id IN (:ids)").param("ids", ids).update();
			this.entries.insert(this.batchId,
					redrafted.stream()
						.map((entry) -> drafts.get(key(entry.scheduleEntryId(), entry.occurrenceDate())))
						.toList());
		}
		this.entries.insert(this.batchId, added);
		this.batches.addCounts(this.batchId, deltas.asMap(), Instant.now(this.clock));
	}

	private Set<String> bookedElsewhere(Set<Long> scheduleEntryIds) {
		Set<String> booked = new HashSet<>();
		this.jdbc.sql("""
				SELECT schedule_entry_id, occurrence_date FROM booking WHERE schedule_entry_id IN (:ids)
				AND occurrence_date BETWEEN :from AND :to AND status IN (:statuses)
				AND (batch_id IS NULL OR batch_id <> :batchId)
				""")
			.param("ids", scheduleEntryIds)
			.param("from", this.from)
			.param("to", this.to)
			.param("statuses", this.statuses.bookedStatuses())
			.param("batchId", this.batchId)
			.query((rs) -> {
				booked.add(key(rs.getLong(1), rs.getObject(2, LocalDate.class)));
			});
		return booked;
	}

	private static String key(long scheduleEntryId, LocalDate date) {
		return scheduleEntryId + "@" + date;
	}

}
