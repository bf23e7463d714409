package org.bookingbatch.care.internal;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bit sets of {@code schedule_entry}: {@code days_of_week} has bit (ISO day - 1),
 * {@code weeks} has bit (week of the cycle - 1).
 */
final class ScheduleBits {

	private ScheduleBits() {
	}

	static int ofDays(Collection<DayOfWeek> days) {
		int bits = 0;
		for (DayOfWeek day : days) {
			bits |= 1 << (day.getValue() - 1);
		}
		return bits;
	}

	static Set<DayOfWeek> days(int bits) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if ((bits & (1 << (day.getValue() - 1))) != 0) {
				days.add(day);
			}
		}
		return Collections.unmodifiableSet(days);
	}

	static int ofWeeks(Collection<Integer> weeks) {
		int bits = 0;
		for (int week : weeks) {
			if (week < 1 || week > 8) {
				throw new IllegalArgumentException("Week " + week + " does not fit the bit set");
			}
			bits |= 1 << (week - 1);
		}
		return bits;
	}

	static Set<Integer> weeks(int bits) {
		Set<Integer> weeks = new TreeSet<>();
		for (int week = 1; week <= 8; week++) {
			if ((bits & (1 << (week - 1))) != 0) {
				weeks.add(week);
			}
		}
		return Collections.unmodifiableSet(weeks);
	}

}
