package org.bookingbatch.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Dates and times as coordinators read them, in the provider's time zone whatever the
 * server's or the browser's zone.
 */
@Component
class AdminFormats {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);

	private final ZoneId zone;

	AdminFormats(ZoneId zone) {
		this.zone = zone;
	}

	ZoneId zone() {
		return this.zone;
	}

	String day(LocalDate date) {
		return DAY.format(date);
	}

	String shortDay(LocalDate date) {
		return SHORT_DAY.format(date);
	}

	String time(Instant instant) {
		return TIME.format(instant.atZone(this.zone));
	}

	String dateTime(@Nullable Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(this.zone)) : "";
	}

	/**
	 * A visit's time span; the end carries its date when the visit runs past midnight.
	 */
	String span(Instant start, Instant end) {
		LocalDate startDay = LocalDate.ofInstant(start, this.zone);
		LocalDate endDay = LocalDate.ofInstant(end, this.zone);
		return time(start) + "–" + time(end) + (endDay.equals(startDay) ? "" : " (" + shortDay(endDay) + ")");
	}

	String range(LocalDate from, LocalDate to) {
		return from.equals(to) ? day(from) : day(from) + " – " + day(to);
	}

}
