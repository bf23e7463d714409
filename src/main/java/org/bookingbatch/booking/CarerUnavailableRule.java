package org.bookingbatch.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bookingbatch.booking.ValidationContext.AvailabilityWindow;
import org.bookingbatch.booking.ValidationContext.Carer;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CARER_UNAVAILABLE: an allocated carer has an absence overlapping the visit; or, when
 * {@code booking.validation.carer-must-be-scheduled-available} is true, the visit is not
 * inside one of the carer's weekly availability windows (local times of the provider).
 */
@Component
@Order(70)
class CarerUnavailableRule implements ValidationRule {

	/** A window ending this late reaches midnight (TIME columns stop at 23:59:59). */
	private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

	@Override
	public List<ValidationIssue> check(BookingCandidate candidate, ValidationContext context) {
		IssueFormat format = context.format();
		List<ValidationIssue> issues = new ArrayList<>();
		for (long carerId : ValidationContext.allocatedCarers(candidate)) {
			Carer carer = context.carer(carerId);
			if (carer == null) {
				continue;
			}
			context.absencesOverlapping(carerId, candidate.startsAt(), candidate.endsAt())
				.forEach((absence) -> issues.add(new ValidationIssue(IssueCode.CARER_UNAVAILABLE,
						"Carer " + carer.name() + " is absent from " + format.moment(absence.startsAt()) + " to "
								+ format.moment(absence.endsAt()) + " (" + absence.reason() + ")")));
			if (context.settings().carerMustBeScheduledAvailable()) {
				List<AvailabilityWindow> windows = context.availability(carerId);
				LocalDateTime start = LocalDateTime.ofInstant(candidate.startsAt(), format.zone());
				LocalDateTime end = LocalDateTime.ofInstant(candidate.endsAt(), format.zone());
				if (!inside(windows, start, end)) {
					issues.add(
							new ValidationIssue(IssueCode.CARER_UNAVAILABLE,
									"Carer " + carer.name() + " is not scheduled to work "
											+ format.times(candidate.startsAt(), candidate.endsAt(),
													start.toLocalDate())
											+ " on " + format.day(start.toLocalDate()) + " ("
											+ describe(windows, start.getDayOfWeek(), format) + ")"));
				}
			}
		}
		return issues;
	}

	/**
	 * Whether the local visit lies inside one window of its day. A visit that runs past
	 * midnight needs a window reaching the end of its first day and, unless it ends at
	 * midnight, a window of the next day that starts at midnight and covers the rest.
	 */
	private static boolean inside(List<AvailabilityWindow> windows, LocalDateTime start, LocalDateTime end) {
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

	private static String describe(List<AvailabilityWindow> windows, DayOfWeek day, IssueFormat format) {
		String days = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s";
		List<String> times = windows.stream()
			.filter((window) -> window.dayOfWeek() == day)
			.sorted((a, b) -> a.startTime().compareTo(b.startTime()))
			.map((window) -> format.time(window.startTime()) + "–" + format.time(window.endTime()))
			.toList();
		return times.isEmpty() ? "no availability on " + days : "available on " + days + " " + String.join(", ", times);
	}

}
