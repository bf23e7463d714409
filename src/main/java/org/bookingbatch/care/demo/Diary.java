package org.bookingbatch.care.demo;

import java.util.BitSet;

import org.bookingbatch.care.demo.DemoPlan.Entry;

/**
 * The times a carer (or a client) is busy across twelve weeks, the least common multiple
 * of every cycle length from one to four weeks: as all generated entries share one cycle
 * start, twelve weeks repeat for ever, so an entry that fits here never clashes on any
 * date. Kept as a bit set of five-minute slots in local time.
 */
final class Diary {

	static final int SUPER_CYCLE_WEEKS = 12;

	private static final int SLOT_MINUTES = 5;

	private static final int SLOTS_PER_DAY = 24 * 60 / SLOT_MINUTES;

	private static final int SLOTS = SUPER_CYCLE_WEEKS * 7 * SLOTS_PER_DAY;

	private final BitSet busy = new BitSet(SLOTS);

	boolean isFree(Entry entry) {
		for (int week = 0; week < SUPER_CYCLE_WEEKS; week++) {
			if (!entry.runsInCycleWeek(week % entry.cycleWeeks() + 1)) {
				continue;
			}
			for (int day = 0; day < 7; day++) {
				if ((entry.days() & (1 << day)) == 0) {
					continue;
				}
				int from = firstSlot(entry, week, day);
				int to = from + slotCount(entry);
				boolean clash = (to <= SLOTS) ? isBusy(from, to) : isBusy(from, SLOTS) || isBusy(0, to - SLOTS);
				if (clash) {
					return false;
				}
			}
		}
		return true;
	}

	void book(Entry entry) {
		for (int week = 0; week < SUPER_CYCLE_WEEKS; week++) {
			if (!entry.runsInCycleWeek(week % entry.cycleWeeks() + 1)) {
				continue;
			}
			for (int day = 0; day < 7; day++) {
				if ((entry.days() & (1 << day)) == 0) {
					continue;
				}
				int from = firstSlot(entry, week, day);
				int to = from + slotCount(entry);
				if (to <= SLOTS) {
					this.busy.set(from, to);
				}
				else {
					// A late visit on the last Sunday runs into the first Monday.
					this.busy.set(from, SLOTS);
					this.busy.set(0, to - SLOTS);
				}
			}
		}
	}

	private boolean isBusy(int from, int to) {
		int next = this.busy.nextSetBit(from);
		return next >= 0 && next < to;
	}

	private static int firstSlot(Entry entry, int week, int day) {
		return (week * 7 + day) * SLOTS_PER_DAY + entry.startMinute() / SLOT_MINUTES;
	}

	private static int slotCount(Entry entry) {
		return (entry.durationMinutes() + SLOT_MINUTES - 1) / SLOT_MINUTES;
	}

}
