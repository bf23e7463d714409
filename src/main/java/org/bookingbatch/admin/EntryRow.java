package org.bookingbatch.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.bookingbatch.booking.ValidationIssue;
import org.bookingbatch.generation.BatchQueries;

/**
 * One row of the entries table, with names instead of ids and times in the provider's
 * zone.
 *
 * @param label how the entry is named in notices and for screen readers, e.g. "Alice Cox,
 * Mon 6 Apr 2026 08:00"
 */
record EntryRow(long id, String label, String day, String time, String client, String team, List<String> carers,
		int carersRequired, List<Slot> slots, String status, String statusLabel, String tone, boolean selected,
		boolean stale, List<ValidationIssue> issues, @Nullable Long bookingId, @Nullable String error) {

	/** Whether the entry can be picked for selection (only VALID entries can be). */
	public boolean valid() {
		return "VALID".equals(this.status);
	}

	/**
	 * One carer slot of the entry's change-carers form.
	 *
	 * @param carerId the carer in the slot now, or null when the slot is unallocated
	 * @param options who may be put there: the active carers of the entry's team, plus
	 * the current one
	 */
	record Slot(int number, @Nullable Long carerId, List<BatchQueries.Named> options) {
	}

}
