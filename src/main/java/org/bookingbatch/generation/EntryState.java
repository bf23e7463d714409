package org.bookingbatch.generation;

import java.util.HashMap;
import java.util.Map;

/**
 * The part of an entry that the batch counts see. Every change of entries turns into
 * count deltas as the difference of what the states before and after contribute, so the
 * counts cannot drift from the entries.
 */
record EntryState(EntryStatus status, boolean selected, boolean warning, boolean stale) {

	/** What this state adds to the batch counts. */
	Map<String, Integer> contribution() {
		Map<String, Integer> counts = new HashMap<>();
		if (this.status == EntryStatus.REMOVED) {
			counts.put("removed", 1);
			return counts;
		}
		counts.put("total", 1);
		counts.put(this.status.name().toLowerCase(java.util.Locale.ROOT), 1);
		if (this.status == EntryStatus.VALID && this.warning) {
			counts.put("warnings", 1);
		}
		if (this.status == EntryStatus.VALID && this.selected) {
			counts.put("selected", 1);
		}
		if (this.stale && (this.status == EntryStatus.VALID || this.status == EntryStatus.INVALID)) {
			counts.put("stale", 1);
		}
		return counts;
	}

	/** Accumulates count deltas of many entry changes. */
	static final class Deltas {

		private final Map<String, Integer> deltas = new HashMap<>();

		void change(EntryState before, EntryState after) {
			before.contribution().forEach((column, n) -> this.deltas.merge(column, -n, Integer::sum));
			after.contribution().forEach((column, n) -> this.deltas.merge(column, n, Integer::sum));
		}

		void added(EntryState state) {
			state.contribution().forEach((column, n) -> this.deltas.merge(column, n, Integer::sum));
		}

		void deleted(EntryState state) {
			state.contribution().forEach((column, n) -> this.deltas.merge(column, -n, Integer::sum));
		}

		void add(String column, int n) {
			this.deltas.merge(column, n, Integer::sum);
		}

		Map<String, Integer> asMap() {
			return this.deltas;
		}

	}

}
