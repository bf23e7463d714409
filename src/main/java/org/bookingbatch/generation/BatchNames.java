package org.bookingbatch.generation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Generated batch names, such as {@code Batch #42 · 1–7 Apr 2026 (Team A)}.
 */
final class BatchNames {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d", Locale.UK);

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	private BatchNames() {
	}

	static String generate(long number, LocalDate from, LocalDate to, List<String> teamNames) {
		return "Batch #" + number + " · " + range(from, to) + " (" + teams(teamNames) + ")";
	}

	static String range(LocalDate from, LocalDate to) {
		if (from.equals(to)) {
			return FULL.format(from);
		}
		if (from.getYear() != to.getYear()) {
			return FULL.format(from) + " – " + FULL.format(to);
		}
		if (from.getMonth() != to.getMonth()) {
			return DAY_MONTH.format(from) + " – " + FULL.format(to);
		}
		return DAY.format(from) + "–" + FULL.format(to);
	}

	static String teams(List<String> teamNames) {
		if (teamNames.isEmpty()) {
			return "All teams";
		}
		if (teamNames.size() <= 2) {
			return String.join(", ", teamNames);
		}
		return teamNames.get(0) + " +" + (teamNames.size() - 1);
	}

}
