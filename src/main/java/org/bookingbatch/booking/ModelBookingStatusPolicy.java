package org.bookingbatch.booking;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bookingbatch.booking.status.BookingStatusModel;
import org.bookingbatch.booking.status.BookingStatusModel.Status;
import org.bookingbatch.booking.status.BookingStatusModel.Transition;

import org.springframework.stereotype.Component;

/**
 * Answers what validation and booking generation ask about statuses from the status model
 * in force, and chooses a new booking's initial status by the guards of the initial
 * statuses.
 */
@Component
class ModelBookingStatusPolicy implements BookingStatusPolicy {

	/** The API name of the cancel transition, which the cancel endpoint fires. */
	static final String CANCEL = "cancel";

	private final BookingStatusModel model;

	private final Set<String> occupying = new LinkedHashSet<>();

	private final Set<String> booked = new LinkedHashSet<>();

	ModelBookingStatusPolicy(BookingStatusModel model) {
		this.model = model;
		for (Status status : model.statuses()) {
			if (status.occupiesTime()) {
				this.occupying.add(status.name());
			}
			if (status.countsAsBooked()) {
				this.booked.add(status.name());
			}
		}
	}

	@Override
	public boolean occupiesTime(String status) {
		return this.occupying.contains(status);
	}

	@Override
	public boolean countsAsBooked(String status) {
		return this.booked.contains(status);
	}

	@Override
	public Set<String> timeOccupyingStatuses() {
		return Collections.unmodifiableSet(this.occupying);
	}

	@Override
	public Set<String> bookedStatuses() {
		return Collections.unmodifiableSet(this.booked);
	}

	@Override
	public String statusForAllocation(int carersRequired, int allocatedCarers) {
		List<Long> carers = java.util.stream.LongStream.rangeClosed(1, Math.max(0, allocatedCarers)).boxed().toList();
		return initialStatus(GuardContext.creation(carersRequired, carers, false, false, false));
	}

	@Override
	public String provisionalStatus() {
		return this.model.initialStatuses()
			.stream()
			.filter((status) -> LifecycleGuard.PROVISIONAL_REQUESTED.modelName().equals(status.guard()))
			.map(Status::name)
			.findFirst()
			.orElseGet(() -> statusForAllocation(1, 1));
	}

	@Override
	public boolean cancellable(String status) {
		return this.model.transitionsNamed(CANCEL).stream().anyMatch((row) -> row.from().contains(status));
	}

	@Override
	public String cancelledStatus() {
		List<Transition> rows = this.model.transitionsNamed(CANCEL);
		return rows.stream()
			.filter((row) -> row.guard() == null)
			.findFirst()
			.or(() -> rows.stream().findFirst())
			.map(Transition::to)
			.orElseThrow(() -> new IllegalStateException(
					"The booking status model '" + this.model.name() + "' has no transition named cancel"));
	}

	/**
	 * The status a new booking starts in: the first initial status whose guard holds,
	 * else the initial status without a guard.
	 * @throws IllegalStateException when no initial status applies
	 */
	String initialStatus(GuardContext context) {
		List<Status> initial = this.model.initialStatuses();
		return initial.stream()
			.filter((status) -> status.guard() != null && LifecycleGuard.holds(status.guard(), context))
			.findFirst()
			.or(() -> initial.stream().filter((status) -> status.guard() == null).findFirst())
			.map(Status::name)
			.orElseThrow(() -> new IllegalStateException("No initial status of the booking status model '"
					+ this.model.name() + "' applies to a booking with " + context.allocated() + " of "
					+ context.carersRequired() + " carers allocated"));
	}

	/** The first of the rows whose guard holds. */
	static Optional<Transition> choose(List<Transition> rows, GuardContext context) {
		return rows.stream().filter((row) -> LifecycleGuard.holds(row.guard(), context)).findFirst();
	}

}
