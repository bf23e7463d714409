package org.bookingbatch.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bookingbatch.booking.status.BookingStatusModel;
import org.bookingbatch.booking.status.BookingStatusModel.FiredBy;
import org.bookingbatch.booking.status.BookingStatusModel.Timeout;
import org.bookingbatch.booking.status.BookingStatusModel.Transition;
import org.bookingbatch.platform.FieldError;
import org.bookingbatch.platform.InvalidRequestException;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the status model in force: fires named transitions for callers of the API (with
 * permissions, fields and guards), transitions triggered by allocation changes, and
 * timeouts. Every change writes a history row in the same transaction.
 * <p>
 * A booking whose timeout is due is timed out before anything else happens to it, so that
 * an expired hold cannot be confirmed between its expiry and the sweep.
 */
@Service
class BookingLifecycle {

	/** The actor of what the application does by itself. */
	static final String SYSTEM = "system";

	static final int MAX_REASON_LENGTH = 500;

	private final BookingStatusModel model;

	private final ModelBookingStatusPolicy policy;

	private final LifecycleRepository bookings;

	private final BookingHistory history;

	private final LifecycleProperties properties;

	private final Clock clock;

	BookingLifecycle(BookingStatusModel model, ModelBookingStatusPolicy policy, LifecycleRepository bookings,
			BookingHistory history, LifecycleProperties properties, Clock clock) {
		this.model = model;
		this.policy = policy;
		this.bookings = bookings;
		this.history = history;
		this.properties = properties;
		this.clock = clock;
	}

	/** The status a new booking starts in. */
	String initialStatus(int carersRequired, List<Long> carerIds, boolean hold, boolean provisional) {
		return this.policy.initialStatus(
				GuardContext.creation(carersRequired, carerIds, hold, provisional, this.properties.paymentsEnabled()));
	}

	/** Records the creation of a booking in its history. */
	void created(long bookingId, String status, String actor, Instant at, @Nullable String reason) {
		this.history.record(bookingId, null, status, null, actor, at, reason, Map.of());
	}

	/**
	 * Fires a transition for a caller of the API.
	 * @param body the request body: {@code reason} and the transition's fields
	 * @throws ProblemException 404 for a transition the model does not have, 403 without
	 * its permission or for a transition only the system fires, 409 when the booking's
	 * status does not allow it or none of its guards holds
	 * @throws InvalidRequestException for unknown or malformed fields, or a missing
	 * reason
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	void fire(long id, String name, Map<String, Object> body, Caller caller) {
		List<Transition> rows = this.model.transitionsNamed(name);
		if (rows.isEmpty()) {
			String status = this.bookings.status(id).orElseThrow(() -> new NotFoundException("Booking", id));
			throw new ProblemException(HttpStatus.NOT_FOUND, "Not Found",
					"The booking status model has no transition '" + name + "'", refusal(status));
		}
		List<Transition> apiRows = rows.stream().filter((row) -> row.by() == FiredBy.API).toList();
		if (apiRows.isEmpty()) {
			throw forbidden("Transition " + name + " is fired by the application itself, not through the API");
		}
		if (apiRows.stream().noneMatch((row) -> caller.holds(row.permission()))) {
			throw forbidden("Your user does not have the permission " + apiRows.get(0).permission() + " needed to fire "
					+ name);
		}
		TransitionFields fields = fields(name, apiRows, body);
		Instant now = this.clock.instant();
		BookingState booking = lockCurrent(id, now);
		List<Transition> fromHere = apiRows.stream().filter((row) -> row.from().contains(booking.status())).toList();
		if (fromHere.isEmpty()) {
			throw ProblemException.conflict(
					"Booking " + id + " is " + booking.status() + ", which transition " + name + " does not leave",
					refusal(booking.status()));
		}
		List<Long> unknownFailed = fields.failedCarerIds()
			.stream()
			.filter((carerId) -> !booking.carerIds().contains(carerId))
			.toList();
		if (!unknownFailed.isEmpty()) {
			throw new InvalidRequestException(TransitionField.FAILED_CARER_IDS.jsonName(),
					"carers " + unknownFailed + " are not allocated to booking " + id);
		}
		GuardContext context = context(booking, fields);
		Transition row = ModelBookingStatusPolicy.choose(fromHere, context)
			.orElseThrow(
					() -> ProblemException
						.conflict(
								"Booking " + id + " is " + booking.status() + ", and none of the guards of transition "
										+ name + " holds ("
										+ String.join(", ",
												fromHere.stream().map(Transition::guard).distinct().toList())
										+ ")",
								refusal(booking.status())));
		if (!caller.holds(row.permission())) {
			throw forbidden("Your user does not have the permission " + row.permission() + " needed to fire " + name
					+ " from " + booking.status());
		}
		apply(booking, row, fields, caller.name(), now);
	}

	/**
	 * Locks the booking and applies its timeout if one is due.
	 * @return the booking as it is now
	 */
	BookingState lockCurrent(long id, Instant now) {
		BookingState booking = this.bookings.lock(id).orElseThrow(() -> new NotFoundException("Booking", id));
		return fireDueTimeout(booking, now).orElse(booking);
	}

	/**
	 * Fires the booking's timeout when it is due at {@code now}.
	 * @return whether a timeout fired
	 */
	@Transactional
	boolean fireTimeout(long id, Instant now) {
		return this.bookings.lock(id).flatMap((booking) -> fireDueTimeout(booking, now)).isPresent();
	}

	private Optional<BookingState> fireDueTimeout(BookingState booking, Instant now) {
		for (Timeout timeout : this.model.timeoutsOf(booking.status())) {
			if (!due(timeout, booking, now)) {
				continue;
			}
			List<Transition> rows = this.model.transitionsNamed(timeout.transition())
				.stream()
				.filter((row) -> row.from().contains(booking.status()))
				.toList();
			TransitionFields fields = TransitionFields.reason(describe(timeout));
			Optional<Transition> row = ModelBookingStatusPolicy.choose(rows, context(booking, fields));
			if (row.isPresent()) {
				return Optional.of(apply(booking, row.get(), fields, SYSTEM, now));
			}
		}
		return Optional.empty();
	}

	/** Whether the timeout of the booking's status has passed at {@code now}. */
	static boolean due(Timeout timeout, BookingState booking, Instant now) {
		Instant moment = (timeout.after() != null) ? booking.lastActivityAt().plus(timeout.after())
				: BookingMoment.named(timeout.at()).of(booking);
		return !moment.isAfter(now);
	}

	private static String describe(Timeout timeout) {
		return (timeout.after() != null) ? "Timed out after " + timeout.after() + " without activity"
				: "Timed out at " + timeout.at();
	}

	/**
	 * Whether the booking's carers may change in its status: in an initial status, or in
	 * one that an allocation-triggered transition leaves.
	 */
	boolean carersEditable(String status) {
		boolean initial = this.model.status(status).map((s) -> s.initial() && !s.isFinal()).orElse(false);
		return initial || this.model.transitionsFrom(status)
			.stream()
			.anyMatch((row) -> BookingLifecycleConfiguration.ALLOCATION_TRIGGER.equals(row.trigger()));
	}

	/**
	 * After the booking's carers changed (the slots are written): records the activity
	 * and fires the first allocation-triggered transition from its status whose guard
	 * holds for the new allocation, if any.
	 * @return the transition fired, if any
	 */
	Optional<String> allocationChanged(BookingState booking, List<Long> carerIds, String actor, Instant now) {
		BookingState changed = booking.withCarers(carerIds);
		List<Transition> rows = this.model.transitionsFrom(booking.status())
			.stream()
			.filter((row) -> BookingLifecycleConfiguration.ALLOCATION_TRIGGER.equals(row.trigger()))
			.toList();
		TransitionFields fields = TransitionFields.reason("Carers changed");
		Optional<Transition> row = ModelBookingStatusPolicy.choose(rows, context(changed, fields));
		if (row.isEmpty()) {
			this.bookings.touch(booking.id(), now);
			return Optional.empty();
		}
		apply(changed, row.get(), fields, actor, now);
		return Optional.of(row.get().name());
	}

	/** The API transitions a booking in the status may go through, for a 409. */
	Map<String, Object> refusal(String status) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("bookingStatus", status);
		properties.put("allowedTransitions", this.model.apiTransitionNamesFrom(status));
		return properties;
	}

	private BookingState apply(BookingState booking, Transition row, TransitionFields fields, String actor,
			Instant now) {
		BookingState current = booking;
		List<Long> failed = fields.failedCarerIds();
		if (!failed.isEmpty()) {
			List<Long> remaining = booking.carerIds().stream().filter((carerId) -> !failed.contains(carerId)).toList();
			this.bookings.replaceCarers(booking, remaining);
			current = booking.withCarers(remaining);
		}
		this.bookings.moveTo(booking.id(), booking.status(), row.to(), now);
		if (row.name().equals(ModelBookingStatusPolicy.CANCEL)) {
			this.bookings.recordCancellation(booking.id(), now, actor, fields.reason(), fields.chargeClientValue(),
					fields.payCarerValue());
		}
		this.history.record(booking.id(), booking.status(), row.to(), row.name(), actor, now, fields.reason(),
				fields.values());
		return current.withStatus(row.to(), now);
	}

	private GuardContext context(BookingState booking, TransitionFields fields) {
		return new GuardContext(booking.carersRequired(), booking.carerIds(), false, false,
				this.properties.paymentsEnabled(), fields);
	}

	/**
	 * Reads the reason and the fields the transition accepts from the body; anything else
	 * is a 400.
	 */
	private static TransitionFields fields(String name, List<Transition> rows, Map<String, Object> body) {
		Set<String> accepted = new LinkedHashSet<>();
		rows.forEach((row) -> accepted.addAll(row.fields()));
		boolean reasonRequired = rows.stream().anyMatch(Transition::reasonRequired);
		List<FieldError> errors = new ArrayList<>();
		String reason = null;
		Object rawReason = body.get("reason");
		if (rawReason != null && !(rawReason instanceof String)) {
			errors.add(new FieldError("reason", "must be a text"));
		}
		else if (rawReason != null && !((String) rawReason).isBlank()) {
			reason = ((String) rawReason).strip();
			if (reason.length() > MAX_REASON_LENGTH) {
				errors.add(new FieldError("reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
			}
		}
		if (reasonRequired && reason == null && (rawReason == null || rawReason instanceof String)) {
			errors.add(new FieldError("reason", "must not be blank"));
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : body.entrySet()) {
			if (entry.getKey().equals("reason")) {
				continue;
			}
			if (!accepted.contains(entry.getKey())) {
				errors.add(new FieldError(entry.getKey(), "is not a field of transition " + name
						+ (accepted.isEmpty() ? ", which takes only a reason" : "; its fields: " + accepted)));
				continue;
			}
			Object value = TransitionField.named(entry.getKey()).orElseThrow().read(entry.getValue(), errors);
			if (value != null) {
				values.put(entry.getKey(), value);
			}
		}
		InvalidRequestException.throwIfAny(errors);
		return new TransitionFields(reason, values);
	}

	private static ProblemException forbidden(String detail) {
		return new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", detail, Map.of());
	}

	/**
	 * Who fires a transition through the API.
	 *
	 * @param authorities the permissions the user holds
	 */
	record Caller(String name, Set<String> authorities) {

		boolean holds(@Nullable String permission) {
			return permission != null && this.authorities.contains(permission);
		}

	}

}
