package org.bookingbatch.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as a care coordinator reads them in issue messages: in the provider's
 * time zone, {@code 14 Apr 2026}, {@code 08:00–08:30}.
 */
final class IssueFormat {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final ZoneId zone;

	IssueFormat(ZoneId zone) {
		this.zone = zone;
	}

	ZoneId zone() {
		return this.zone;
	}

	/** {@code 14 Apr 2026}. */
	String date(LocalDate date) {
		return DATE.format(date);
	}

	/** {@code Tuesday 14 Apr 2026}. */
	String day(LocalDate date) {
		return DAY.format(date);
	}

	/** {@code 08:00}, local. */
	String time(LocalTime time) {
		return TIME.format(time);
	}

	/**
	 * A visit's local times, {@code 08:00–08:30}; with the date in front when the visit
	 * starts on another day than {@code onDate}.
	 */
	String times(Instant start, Instant end, LocalDate onDate) {
		ZonedDateTime localStart = start.atZone(this.zone);
		String times = TIME.format(localStart) + "–" + TIME.format(end.atZone(this.zone));
		return localStart.toLocalDate().equals(onDate) ? times : DATE.format(localStart) + " " + times;
	}

	/** A moment, {@code 12 Apr 2026 14:00}, or just the date when it is midnight. */
	String moment(Instant instant) {
		ZonedDateTime local = instant.atZone(this.zone);
		String date = DATE.format(local);
		return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? date : date + " " + TIME.format(local);
	}

}
