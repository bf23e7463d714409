package org.bookingbatch.booking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bookingbatch.booking.ValidationContext.AvailabilityWindow;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carers' weekly availability windows (local times of the provider) and whether a visit
 * lies inside them, as CARER_UNAVAILABLE decides when
 * {@code booking.validation.carer-must-be-scheduled-available} is true. Serves the
 * validation rules and whoever picks carers for a visit, so that both agree.
 */
@Component
public class CarerAvailability {

	/** A window ending this late reaches midnight (TIME columns stop at 23:59:59). */
	private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

	private final JdbcClient jdbc;

	private final ValidationProperties settings;

	private final ZoneId zone;

	CarerAvailability(JdbcClient jdbc, ValidationProperties settings, ZoneId providerZone) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.zone = providerZone;
	}

	/**
	 * Loads the weekly windows of the carers, in one query, when carers must be scheduled
	 * to work at their visits' times; loads nothing otherwise.
	 * @param carerIds the carers that may be picked
	 * @return whether each of the carers is scheduled to work at a given time
	 */
	public Schedules load(Set<Long> carerIds) {
		return new Schedules(this.settings.carerMustBeScheduledAvailable() ? windows(carerIds) : null, this.zone);
	}

	/** The weekly windows of each of the carers; a carer without any has no key. */
	Map<Long, List<AvailabilityWindow>> windows(Set<Long> carerIds) {
		Map<Long, List<AvailabilityWindow>> windows = new HashMap<>();
		if (carerIds.isEmpty()) {
			return windows;
		}
		this.jdbc.sql("""
				SELECT carer_id, day_of_week, start_time, end_time FROM carer_availability
				WHERE carer_id IN (:carerIds)
				""")
			.param("carerIds", carerIds)
			.query((rs, row) -> new AvailabilityWindow(rs.getLong("carer_id"), DayOfWeek.of(rs.getInt("day_of_week")),
					rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class)))
			.list()
			.forEach((window) -> windows.computeIfAbsent(window.carerId(), (id) -> new ArrayList<>()).add(window));
		return windows;
	}

	/**
	 * Whether the local visit lies inside one window of its day. A visit that runs past
	 * midnight needs a window reaching the end of its first day and, unless it ends at
	 * midnight, a window of the next day that starts at midnight and covers the rest.
	 * @param windows the carer's windows
	 * @param start the visit's start, local time of the provider
	 * @param end the visit's end, local time of the provider
	 */
	static boolean covers(List<AvailabilityWindow> windows, LocalDateTime start, LocalDateTime end) {
		LocalDate day = start.toLocalDate();
		if (end.toLocalDate().equals(day)) {
			return windows.stream()
				.anyMatch((window) -> window.dayOfWeek() == day.getDayOfWeek()
						&& !start.toLocalTime().isBefore(window.startTime())
						&& !end.toLocalTime().isAfter(window.endTime()));
		}
		if (!end.toLocalDate().equals(day.plusDays(1))) {
			return false;
		}
		boolean untilMidnight = windows.stream()
			.anyMatch((window) -> window.dayOfWeek() == day.getDayOfWeek()
					&& !start.toLocalTime().isBefore(window.startTime()) && !window.endTime().isBefore(END_OF_DAY));
		if (!untilMidnight || end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return untilMidnight;
		}
		DayOfWeek next = day.plusDays(1).getDayOfWeek();
		return windows.stream()
			.anyMatch((window) -> window.dayOfWeek() == next && window.startTime().equals(LocalTime.MIDNIGHT)
					&& !end.toLocalTime().isAfter(window.endTime()));
	}

	/**
	 * The weekly windows of a set of carers, loaded by {@link CarerAvailability#load}.
	 */
	public static final class Schedules {

		/** Null when carers need not be scheduled: every time counts as scheduled. */
		private final @Nullable Map<Long, List<AvailabilityWindow>> windows;

		private final ZoneId zone;

		private Schedules(@Nullable Map<Long, List<AvailabilityWindow>> windows, ZoneId zone) {
			this.windows = windows;
			this.zone = zone;
		}

		/**
		 * Whether the carer is scheduled to work for the whole visit; always true when
		 * {@code booking.validation.carer-must-be-scheduled-available} is off.
		 * @param carerId one of the carers the schedules were loaded for
		 * @param start the visit's start
		 * @param end the visit's end
		 */
		public boolean scheduled(long carerId, Instant start, Instant end) {
			if (this.windows == null) {
				return true;
			}
			return covers(this.windows.getOrDefault(carerId, List.of()), LocalDateTime.ofInstant(start, this.zone),
					LocalDateTime.ofInstant(end, this.zone));
		}

	}

}
