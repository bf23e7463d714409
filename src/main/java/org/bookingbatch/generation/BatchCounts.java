package org.bookingbatch.generation;

/**
 * The entry counts of a batch. Invariant: total = pending + valid + invalid + confirmed +
 * creating + created + failed; removed entries are not in total. {@code checked} and
 * {@code rejected} count the entries the running final check has looked at and refused.
 */
public record BatchCounts(int total, int pending, int valid, int invalid, int warnings, int stale, int selected,
		int confirmed, int creating, int created, int failed, int skipped, int removed, int checked, int rejected) {

	/**
	 * How many entries are in the statuses; all but the removed ones when none are given.
	 */
	public int inStatuses(java.util.Collection<EntryStatus> statuses) {
		if (statuses.isEmpty()) {
			return this.total;
		}
		int sum = 0;
		for (EntryStatus status : java.util.EnumSet.copyOf(statuses)) {
			sum += switch (status) {
				case PENDING -> this.pending;
				case VALID -> this.valid;
				case INVALID -> this.invalid;
				case CONFIRMED -> this.confirmed;
				case CREATING -> this.creating;
				case CREATED -> this.created;
				case FAILED -> this.failed;
				case REMOVED -> this.removed;
			};
		}
		return sum;
	}

	/** Whether the counts add up. */
	public boolean consistent() {
		return this.total == this.pending + this.valid + this.invalid + this.confirmed + this.creating + this.created
				+ this.failed;
	}

}
