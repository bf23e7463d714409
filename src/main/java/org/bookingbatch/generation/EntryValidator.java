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
import org.bookingbatch.generation.EntryRepository.Peers;

/**
 * Runs the validation engine over a chunk of entries and writes the outcome with the
 * count deltas, in the caller's transaction. Serves the validate step, revalidation,
 * carer edits and the final check at confirm.
 */
@Component
class EntryValidator {

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
		Map<Long, List<ValidationIssue>> issues = check(batchId, chunk, Peers.REVIEW);
		if (this.batches.lockStatus(batchId, shard).isFinished()) {
			// cancelled meanwhile: its entries stay as they were
			return;
		}
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
		for (BookingCandidate peer : this.entries.peers(batchId, Peers.UNDER_REVIEW, carers, clients, from, to)) {
			if (!changedIds.contains(peer.key())) {
				neighbourIds.add(peer.key());
			}
		}
		List<BatchEntry> all = new ArrayList<>(changed);
		all.addAll(this.entries.findAll(batchId, neighbourIds));
		validate(batchId, all);
	}

	/**
	 * The final check of a chunk of the entries the user confirmed (selected VALID):
	 * those that pass become CONFIRMED, those that fail INVALID with their issues. A
	 * rejected entry stays selected until the step ends, so that the entries checked
	 * after it, in any partition, still clash with it. Does nothing once the batch is no
	 * longer confirming. Returns how many failed.
	 */
	int confirmCheck(long batchId, int shard, List<? extends BatchEntry> chunk) {
		if (chunk.isEmpty()) {
			return 0;
		}
		// Checked before the batch's lock, as in validate. A cancel may have sent the
		// batch back to review since the chunk was read (entries do not change while it
		// is confirming): then nothing is written.
		Map<Long, List<ValidationIssue>> issues = check(batchId, chunk, Peers.CONFIRMATION);
		if (this.batches.lockStatus(batchId, shard) != BookingBatchStatus.CONFIRMING) {
			return 0;
		}
		EntryState.Deltas deltas = new EntryState.Deltas();
		List<EntryRepository.ValidationResult> rejected = new ArrayList<>();
		List<Long> passed = new ArrayList<>(chunk.size());
		for (BatchEntry entry : chunk) {
			List<ValidationIssue> found = issues.getOrDefault(entry.id(), List.of());
			boolean error = found.stream().anyMatch((issue) -> issue.severity() == Severity.ERROR);
			EntryState after;
			if (error) {
				boolean warning = found.stream().anyMatch((issue) -> issue.severity() == Severity.WARNING);
				rejected
					.add(new EntryRepository.ValidationResult(entry.id(), EntryStatus.INVALID, true, warning, found));
				after = new EntryState(EntryStatus.INVALID, true, warning, false);
			}
			else {
				passed.add(entry.id());
				after = new EntryState(EntryStatus.CONFIRMED, true, entry.hasWarning(), entry.stale());
			}
			deltas.change(entry.state(), after);
		}
		deltas.add("checked", chunk.size());
		deltas.add("rejected", rejected.size());
		this.entries.setStatus(batchId, passed, EntryStatus.VALID, EntryStatus.CONFIRMED);
		this.entries.applyResults(rejected);
		this.batches.addCounts(batchId, shard, deltas.asMap(), Instant.now(this.clock));
		return rejected.size();
	}

	private Map<Long, List<ValidationIssue>> check(long batchId, List<? extends BatchEntry> chunk, Peers scope) {
		List<BookingCandidate> candidates = chunk.stream().map(BatchEntry::candidate).toList();
		CandidatePeers peers = (carerIds, clientIds, from, to) -> this.entries.peers(batchId, scope, carerIds,
				clientIds, from, to);
		return this.engine.validate(candidates, peers);
	}

}
