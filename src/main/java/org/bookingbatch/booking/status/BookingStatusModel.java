package org.bookingbatch.booking.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A booking status model that passed the consistency check: its statuses, its transitions
 * (several rows may share an API name, tried in order, each with its own guard) and its
 * timeouts. Read with {@link StatusModelReader}.
 *
 * @param name the model's name
 * @param source where the model was read from
 * @param statuses every status, in the model's order
 * @param transitions every transition row, in the model's order
 * @param timeouts the transitions that fire by themselves
 */
public record BookingStatusModel(String name, String source, List<Status> statuses, List<Transition> transitions,
		List<Timeout> timeouts) {

	public BookingStatusModel {
		statuses = List.copyOf(statuses);
		transitions = List.copyOf(transitions);
		timeouts = List.copyOf(timeouts);
	}

	/** The status with this name. */
	public Optional<Status> status(String name) {
		return this.statuses.stream().filter((status) -> status.name().equals(name)).findFirst();
	}

	/** The initial statuses, in the model's order. */
	public List<Status> initialStatuses() {
		return this.statuses.stream().filter(Status::initial).toList();
	}

	/** The rows of the transition with this API name, in the model's order. */
	public List<Transition> transitionsNamed(String name) {
		return this.transitions.stream().filter((transition) -> transition.name().equals(name)).toList();
	}

	/** The transition rows that leave the status, in the model's order. */
	public List<Transition> transitionsFrom(String status) {
		return this.transitions.stream().filter((transition) -> transition.from().contains(status)).toList();
	}

	/**
	 * The API names of the transitions that callers of the API may fire from the status.
	 */
	public List<String> apiTransitionNamesFrom(String status) {
		Set<String> names = new LinkedHashSet<>();
		for (Transition transition : transitionsFrom(status)) {
			if (transition.by() == FiredBy.API) {
				names.add(transition.name());
			}
		}
		return new ArrayList<>(names);
	}

	/** The timeouts of the status, in the model's order. */
	public List<Timeout> timeoutsOf(String status) {
		return this.timeouts.stream().filter((timeout) -> timeout.status().equals(status)).toList();
	}

	/**
	 * A status of the model.
	 *
	 * @param name the API name, lower snake case
	 * @param label the name people read
	 * @param description what the status means, for people; may be null
	 * @param initial whether a booking may start in it
	 * @param guard for an initial status, the guard that chooses it among several
	 * @param isFinal whether nothing leaves it
	 * @param occupiesTime whether a booking in it clashes with other visits
	 * @param countsAsBooked whether a booking in it stops its occurrence from being
	 * generated again
	 */
	public record Status(String name, String label, @Nullable String description, boolean initial,
			@Nullable String guard, boolean isFinal, boolean occupiesTime, boolean countsAsBooked) {
	}

	/**
	 * One row of a transition.
	 *
	 * @param name the API name, shared by the rows of one transition
	 * @param from the statuses it leaves
	 * @param to the status it enters
	 * @param by who may fire it
	 * @param permission the permission an API caller needs; null for system transitions
	 * @param guard the named condition that must hold for this row, null for none
	 * @param trigger what fires it by itself ({@code allocation}: a change of the
	 * booking's carers), null for none
	 * @param fields the fields the request may carry besides the reason
	 * @param reasonRequired whether the request must give a reason
	 */
	public record Transition(String name, List<String> from, String to, FiredBy by, @Nullable String permission,
			@Nullable String guard, @Nullable String trigger, List<String> fields, boolean reasonRequired) {

		public Transition {
			from = List.copyOf(from);
			fields = List.copyOf(fields);
		}

	}

	/**
	 * A transition that fires by itself: {@code after} a duration in the status, counted
	 * from the booking's last activity, or {@code at} a moment of the booking.
	 *
	 * @param status the status it applies to
	 * @param after how long a booking may stay in the status without activity
	 * @param at the moment of the booking ({@code startsAt}, {@code endsAt})
	 * @param transition the transition it fires
	 */
	public record Timeout(String status, @Nullable Duration after, @Nullable String at, String transition) {
	}

	/** Who may fire a transition. */
	public enum FiredBy {

		/** Callers of the API holding the transition's permission. */
		API,

		/** The application only: timeouts and triggers. */
		SYSTEM;

		@JsonValue
		public String apiName() {
			return name().toLowerCase();
		}

	}

}
