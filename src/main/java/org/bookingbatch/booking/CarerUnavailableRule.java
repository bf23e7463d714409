package org.bookingbatch.booking;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
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
 * inside one of the carer's weekly availability windows (local times of the provider), as
 * {@link CarerAvailability} decides.
 */
@Component
@Order(70)
class CarerUnavailableRule implements ValidationRule {

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
				if (!CarerAvailability.covers(windows, start, end)) {
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
