package org.bookingbatch.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bookingbatch.booking.status.BookingStatusModel;
import org.bookingbatch.booking.status.BookingStatusModel.Timeout;
import org.bookingbatch.booking.status.BookingStatusModel.Transition;

import org.springframework.stereotype.Component;

/**
 * SQL conditions over a booking (alias {@code b}) built from the model's timeouts: which
 * bookings are due to time out, and which of those the timeout would free, so that
 * validation treats them as free before the sweep gets to them.
 */
@Component
class TimeoutConditions {

	private final BookingStatusModel model;

	private final List<Timeout> freeing;

	TimeoutConditions(BookingStatusModel model, BookingStatusPolicy statuses) {
		this.model = model;
		this.freeing = model.timeouts()
			.stream()
			.filter((timeout) -> statuses.occupiesTime(timeout.status()))
			.filter((timeout) -> model.transitionsNamed(timeout.transition())
				.stream()
				.filter((row) -> row.from().contains(timeout.status()))
				.map(Transition::to)
				.noneMatch(statuses::occupiesTime))
			.toList();
	}

	/**
	 * True for a booking whose timeout is due at {@code now}.
	 * @param prefix prefix of the parameter names, distinct from the query's own
	 */
	Condition due(Instant now, String prefix) {
		return condition(this.model.timeouts(), now, prefix);
	}

	/**
	 * True for a booking that occupies time but whose due timeout would move it to a
	 * status that does not, such as a hold past its expiry.
	 */
	Condition freedByTimeout(Instant now, String prefix) {
		return condition(this.freeing, now, prefix);
	}

	private static Condition condition(List<Timeout> timeouts, Instant now, String prefix) {
		if (timeouts.isEmpty()) {
			return new Condition("FALSE", Map.of());
		}
		List<String> terms = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < timeouts.size(); i++) {
			Timeout timeout = timeouts.get(i);
			String status = prefix + "Status" + i;
			String moment = prefix + "Moment" + i;
			params.put(status, timeout.status());
			if (timeout.after() != null) {
				terms.add("(b.status = :" + status + " AND b.last_activity_at <= :" + moment + ")");
				params.put(moment, LifecycleRepository.utc(now.minus(timeout.after())));
			}
			else {
				terms.add("(b.status = :" + status + " AND b." + BookingMoment.named(timeout.at()).column() + " <= :"
						+ moment + ")");
				params.put(moment, LifecycleRepository.utc(now));
			}
		}
		return new Condition("(" + String.join(" OR ", terms) + ")", params);
	}

	/** A condition's SQL and its named parameters. */
	record Condition(String sql, Map<String, Object> params) {
	}

}
