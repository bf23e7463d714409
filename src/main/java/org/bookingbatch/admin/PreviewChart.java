package org.bookingbatch.admin;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bookingbatch.generation.BatchService;

/**
 * The preview as a bar chart: one column per day, the occurrences as the bar and the
 * already booked ones as its darker part, scaled to the busiest day.
 */
record PreviewChart(String range, List<Day> days, int totalOccurrences, int totalAlreadyBooked, int max) {

	static PreviewChart of(BatchService.Preview preview, AdminFormats formats) {
		int max = preview.days().stream().mapToInt(BatchService.PreviewDay::occurrences).max().orElse(0);
		// A long range leaves no room for every day's label: Mondays and month starts
		// keep
		// theirs.
		boolean dense = preview.days().size() > 31;
		List<Day> days = new ArrayList<>();
		for (BatchService.PreviewDay day : preview.days()) {
			DayOfWeek weekday = day.date().getDayOfWeek();
			days.add(new Day(formats.day(day.date()), weekday.getDisplayName(TextStyle.SHORT, Locale.UK),
					day.date().getDayOfMonth(),
					day.date().getDayOfMonth() == 1 || day.date().equals(preview.from())
							? day.date().getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) : "",
					day.occurrences(), day.alreadyBooked(), percent(day.occurrences(), max),
					percent(Math.min(day.alreadyBooked(), day.occurrences()), max),
					weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY,
					!dense || weekday == DayOfWeek.MONDAY || day.date().getDayOfMonth() == 1));
		}
		return new PreviewChart(formats.range(preview.from(), preview.to()), days, preview.totalOccurrences(),
				preview.totalAlreadyBooked(), max);
	}

	/** Occurrences that do not have a booking yet. */
	public int toBook() {
		return Math.max(0, this.totalOccurrences - this.totalAlreadyBooked);
	}

	private static int percent(int value, int max) {
		return (max == 0) ? 0 : (int) Math.round(value * 100.0 / max);
	}

	/**
	 * One day of the chart.
	 *
	 * @param month the month's name on the first day shown and on the first of each
	 * month, else empty
	 * @param labelled whether the day's number is shown under its bar
	 */
	record Day(String label, String weekday, int dayOfMonth, String month, int occurrences, int alreadyBooked,
			int occurrencesPercent, int bookedPercent, boolean weekend, boolean labelled) {

		public String description() {
			return this.label + ": " + this.occurrences + " occurrences, " + this.alreadyBooked + " already booked";
		}

	}

}
