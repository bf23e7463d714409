package org.bookingbatch.care.demo;

import java.util.List;

/**
 * A carer's weekly working pattern: the windows ({@code [start, end)} in minutes of the
 * day) on each ISO day of the week, and how common it is among the generated carers.
 */
enum WorkPattern {

	EARLY(4, days(1, 2, 3, 4, 5), window(7, 0, 14, 0)),

	LATE(1.5, days(1, 2, 3, 4, 5), window(14, 0, 22, 30)),

	SPLIT(3, days(1, 2, 3, 4, 5), window(7, 0, 11, 0), window(16, 0, 22, 30)),

	WEEKENDS(3, days(6, 7), window(7, 0, 22, 30)),

	PART_TIME(0.5, days(1, 3, 5), window(9, 0, 15, 0)),

	NIGHTS(0.5, days(1, 2, 3, 4, 5, 6, 7), window(22, 0, 23, 59));

	final double weight;

	final int[] isoDays;

	final List<int[]> windows;

	WorkPattern(double weight, int[] isoDays, int[]... windows) {
		this.weight = weight;
		this.isoDays = isoDays;
		this.windows = List.of(windows);
	}

	/** Whether a visit from {@code start} to {@code end} (minutes) fits one window. */
	boolean covers(int isoDay, int start, int end) {
		boolean works = false;
		for (int day : this.isoDays) {
			works |= (day == isoDay);
		}
		if (!works) {
			return false;
		}
		for (int[] window : this.windows) {
			if (window[0] <= start && end <= window[1]) {
				return true;
			}
		}
		return false;
	}

	private static int[] days(int... isoDays) {
		return isoDays;
	}

	private static int[] window(int startHour, int startMinute, int endHour, int endMinute) {
		return new int[] { startHour * 60 + startMinute, endHour * 60 + endMinute };
	}

}
