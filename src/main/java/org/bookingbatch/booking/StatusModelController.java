package org.bookingbatch.booking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.bookingbatch.booking.status.BookingStatusModel;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/booking-status-model}: the status model in force, so that pages and
 * integrators can draw it.
 */
@RestController
class StatusModelController {

	private final ModelView view;

	StatusModelController(BookingStatusModel model) {
		this.view = ModelView.of(model);
	}

	@GetMapping("/api/booking-status-model")
	ModelView model() {
		return this.view;
	}

	/**
	 * The model as the API answers it.
	 *
	 * @param source where it was read from
	 */
	record ModelView(String name, String source, List<StatusView> statuses, List<TransitionView> transitions,
			List<TimeoutView> timeouts) {

		static ModelView of(BookingStatusModel model) {
			return new ModelView(model.name(), model.source(),
					model.statuses()
						.stream()
						.map((status) -> new StatusView(status.name(), status.label(), status.description(),
								status.initial(), status.guard(), status.isFinal(), status.occupiesTime(),
								status.countsAsBooked(), model.apiTransitionNamesFrom(status.name())))
						.toList(),
					model.transitions()
						.stream()
						.map((transition) -> new TransitionView(transition.name(), transition.from(), transition.to(),
								transition.by().apiName(), transition.permission(), transition.guard(),
								transition.trigger(), transition.fields(), transition.reasonRequired()))
						.toList(),
					model.timeouts()
						.stream()
						.map((timeout) -> new TimeoutView(timeout.status(),
								(timeout.after() != null) ? timeout.after().toString() : null, timeout.at(),
								timeout.transition()))
						.toList());
		}

	}

	/**
	 * A status, with the API transitions that leave it.
	 */
	record StatusView(String name, String label, @Nullable String description, boolean initial, @Nullable String guard,
			@JsonProperty("final") boolean finalStatus, boolean occupiesTime, boolean countsAsBooked,
			List<String> transitions) {
	}

	/** One transition row. */
	record TransitionView(String name, List<String> from, String to, String by, @Nullable String permission,
			@Nullable String guard, @Nullable String trigger, List<String> fields, boolean reasonRequired) {
	}

	/**
	 * A timeout.
	 *
	 * @param after an ISO-8601 duration counted from the booking's last activity
	 * @param at the moment of the booking
	 */
	record TimeoutView(String status, @Nullable String after, @Nullable String at, String transition) {
	}

}
