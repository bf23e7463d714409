package org.bookingbatch.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Things that take up time, sorted by start, answering which of them overlap a half-open
 * interval without scanning them all: a carer with a thousand visits in a chunk's window
 * must not make every candidate scan a thousand visits.
 *
 * @param <T> what is on the timeline
 */
final class Timeline<T> {

	private static final Timeline<?> EMPTY = new Timeline<>(List.of(), (item) -> Instant.MIN, (item) -> Instant.MIN);

	private final List<T> items;

	private final Instant[] starts;

	private final Instant[] ends;

	/** The longest item, null when one is open-ended. */
	private final @Nullable Duration longest;

	/**
	 * @param end the item's end; {@link Instant#MAX} for an open-ended item
	 */
	Timeline(Collection<T> items, Function<T, Instant> start, Function<T, Instant> end) {
		List<T> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparing(start));
		this.items = sorted;
		this.starts = new Instant[sorted.size()];
		this.ends = new Instant[sorted.size()];
		Duration longest = Duration.ZERO;
		for (int i = 0; i < sorted.size(); i++) {
			this.starts[i] = start.apply(sorted.get(i));
			this.ends[i] = end.apply(sorted.get(i));
			if (longest != null) {
				longest = this.ends[i].equals(Instant.MAX) ? null
						: max(longest, Duration.between(this.starts[i], this.ends[i]));
			}
		}
		this.longest = longest;
	}

	@SuppressWarnings("unchecked")
	static <T> Timeline<T> empty() {
		return (Timeline<T>) EMPTY;
	}

	/** The items whose {@code [start, end)} intersects {@code [from, to)}, by start. */
	List<T> overlapping(Instant from, Instant to) {
		// Every item starting at or after 'to' is out; walk back from there, and stop
		// once
		// even the longest item could no longer reach 'from'.
		int high = firstStartAtOrAfter(to);
		Instant earliest = (this.longest != null) ? from.minus(this.longest) : null;
		List<T> found = new ArrayList<>(2);
		for (int i = high - 1; i >= 0; i--) {
			if (earliest != null && this.starts[i].isBefore(earliest)) {
				break;
			}
			if (this.ends[i].isAfter(from)) {
				found.add(this.items.get(i));
			}
		}
		Collections.reverse(found);
		return found;
	}

	private int firstStartAtOrAfter(Instant instant) {
		int low = 0;
		int high = this.starts.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.starts[middle].isBefore(instant)) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
