package org.bookingbatch.generation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.bookingbatch.booking.BookingCandidate;
import org.bookingbatch.booking.CandidatePeers;
import org.bookingbatch.booking.Severity;
import org.bookingbatch.booking.ValidationEngine;
import org.bookingbatch.booking.ValidationIssue;

/**
 * Runs the validation engine over a chunk of entries and writes the outcome with the
 * count deltas, in the caller's transaction. Serves the validate step, revalidation,
 * carer edits and the final check at confirm.
 */
@Component
class EntryValidator {

	/**
	 * Entries that may still become bookings compete with each other for carers and
	 * clients.
	 */
	static final Set<EntryStatus> REVIEW_PEERS = Set.of(EntryStatus.PENDING, EntryStatus.VALID, EntryStatus.INVALID,
			EntryStatus.CONFIRMED);

	/** At the final check only the confirmed entries will become bookings. */
	static final Set<EntryStatus> CONFIRM_PEERS = Set.of(EntryStatus.CONFIRMED);

	private final ValidationEngine engine;

	private final EntryRepository entries;

	private final BatchRepository batches;

	private final Clock clock;

	EntryValidator(ValidationEngine engine, EntryRepository entries, BatchRepository batches, Clock clock) {
		this.engine = engine;
		this.entries = entries;
		this.batches = batches;
		this.clock = clock;
	}

	/**
	 * Validates entries under review: each becomes VALID (selected when it was not valid
	 * before, otherwise keeping the user's choice) or INVALID.
	 */
	void validate(long batchId, List<BatchEntry> chunk) {
		validate(batchId, 0, chunk);
	}

	/**
	 * Validates a chunk of a partition, which writes its counts to its shard (0: the
	 * batch row).
	 */
	void validate(long batchId, int shard, List<? extends BatchEntry> chunk) {
		if (chunk.isEmpty()) {
			return;
		}
		// Checked before the batch's lock, which is held for the writes alone: the chunks
		// of other partitions check meanwhile.
		Map<Long, List<ValidationIssue>> issues = check(batchId, chunk, REVIEW_PEERS);
		this.batches.lockStatus(batchId, shard);
		EntryState.Deltas deltas = new EntryState.Deltas();
		List<EntryRepository.ValidationResult> results = new ArrayList<>(chunk.size());
		for (BatchEntry entry : chunk) {
			List<ValidationIssue> found = issues.getOrDefault(entry.id(), List.of());
			boolean error = found.stream().anyMatch((issue) -> issue.severity() == Severity.ERROR);
			boolean warning = found.stream().anyMatch((issue) -> issue.severity() == Severity.WARNING);
			EntryStatus status = error ? EntryStatus.INVALID : EntryStatus.VALID;
			boolean selected = !error && (entry.status() != EntryStatus.VALID || entry.selected());
			results.add(new EntryRepository.ValidationResult(entry.id(), status, selected, warning, found));
			deltas.change(entry.state(), new EntryState(status, selected, warning, false));
		}
		this.entries.applyResults(results);
		this.batches.addCounts(batchId, shard, deltas.asMap(), Instant.now(this.clock));
	}

	/**
	 * Revalidates entries whose carers were changed by hand, together with the entries
	 * under review that overlap them for their old or new carers or their client: a clash
	 * goes away, or appears, on both sides.
	 */
	void validateWithNeighbours(long batchId, List<BatchEntry> changed, Set<Long> oldCarerIds) {
		if (changed.isEmpty()) {
			return;
		}
		Set<Long> carers = new java.util.HashSet<>(oldCarerIds);
		Set<Long> clients = new java.util.HashSet<>();
		Instant from = changed.get(0).startsAt();
		Instant to = changed.get(0).endsAt();
		for (BatchEntry entry : changed) {
			carers.addAll(entry.carerIds());
			clients.add(entry.clientId());
			from = entry.startsAt().isBefore(from) ? entry.startsAt() : from;
			to = entry.endsAt().isAfter(to) ? entry.endsAt() : to;
		}
		Set<Long> changedIds = new java.util.HashSet<>();
		changed.forEach((entry) -> changedIds.add(entry.id()));
		Set<Long> neighbourIds = new java.util.TreeSet<>();
		for (BookingCandidate peer : this.entries.peers(batchId, Set.of(EntryStatus.VALID, EntryStatus.INVALID), carers,
				clients, from, to)) {
			if (!changedIds.contains(peer.key())) {
				neighbourIds.add(peer.key());
			}
		}
		List<BatchEntry> all = new ArrayList<>(changed);
		all.addAll(this.entries.findAll(batchId, neighbourIds));
		validate(batchId, all);
	}

	/**
	 * The final check of confirmed entries: those that fail become INVALID with their
	 * issues, the others stay CONFIRMED. Does nothing once the batch is no longer
	 * confirming. Returns how many failed.
	 */
	int confirmCheck(long batchId, int shard, List<? extends BatchEntry> chunk) {
		if (chunk.isEmpty()) {
			return 0;
		}
		// Checked before the batch's lock, as in validate. A cancel may have sent the
		// batch back to review since the chunk was read (entries do not change while it
		// is confirming): then nothing is written.
		Map<Long, List<ValidationIssue>> issues = check(batchId, chunk, CONFIRM_PEERS);
		if (this.batches.lockStatus(batchId, shard) != BookingBatchStatus.CONFIRMING) {
			return 0;
		}
		EntryState.Deltas deltas = new EntryState.Deltas();
		List<EntryRepository.ValidationResult> results = new ArrayList<>();
		for (BatchEntry entry : chunk) {
			List<ValidationIssue> found = issues.getOrDefault(entry.id(), List.of());
			boolean error = found.stream().anyMatch((issue) -> issue.severity() == Severity.ERROR);
			if (error) {
				boolean warning = found.stream().anyMatch((issue) -> issue.severity() == Severity.WARNING);
				results
					.add(new EntryRepository.ValidationResult(entry.id(), EntryStatus.INVALID, false, warning, found));
				deltas.change(entry.state(), new EntryState(EntryStatus.INVALID, false, warning, false));
			}
		}
		deltas.add("checked", chunk.size());
		deltas.add("rejected", results.size());
		this.entries.applyResults(results);
		this.batches.addCounts(batchId, shard, deltas.asMap(), Instant.now(this.clock));
		return results.size();
	}

	private Map<Long, List<ValidationIssue>> check(long batchId, List<? extends BatchEntry> chunk,
			Set<EntryStatus> peerStatuses) {
		List<BookingCandidate> candidates = chunk.stream().map(BatchEntry::candidate).toList();
		CandidatePeers peers = (carerIds, clientIds, from, to) -> this.entries.peers(batchId, peerStatuses, carerIds,
				clientIds, from, to);
		return this.engine.validate(candidates, peers);
	}

}
