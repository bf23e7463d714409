package org.bookingbatch.booking;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The named conditions a status model may put on an initial status or a transition row.
 */
enum LifecycleGuard {

	/** A one-off booking asked to start as a hold. */
	HOLD_REQUESTED("holdRequested", null, GuardContext::holdRequested),

	/** A booking asked to start provisional (a provisional batch, or by hand). */
	PROVISIONAL_REQUESTED("provisionalRequested", null, GuardContext::provisionalRequested),

	/** No carer slot is allocated. */
	NO_SLOTS_ALLOCATED("noSlotsAllocated", null, (context) -> context.allocated() == 0),

	/** Some but not all carer slots are allocated. */
	SOME_SLOTS_ALLOCATED("someSlotsAllocated", null,
			(context) -> context.allocated() > 0 && context.allocated() < context.carersRequired()),

	/** Every carer slot is allocated. */
	ALL_SLOTS_ALLOCATED("allSlotsAllocated", null,
			(context) -> context.allocated() > 0 && context.allocated() >= context.carersRequired()),

	/** No allocated carer's visit failed. */
	NO_STOPS_FAILED("noStopsFailed", TransitionField.FAILED_CARER_IDS, (context) -> context.failedStops() == 0),

	/** Some allocated carers' visits failed, not all. */
	SOME_STOPS_FAILED("someStopsFailed", TransitionField.FAILED_CARER_IDS,
			(context) -> context.failedStops() > 0 && context.failedStops() < context.allocated()),

	/** Every allocated carer's visit failed. */
	ALL_STOPS_FAILED("allStopsFailed", TransitionField.FAILED_CARER_IDS,
			(context) -> context.allocated() > 0 && context.failedStops() >= context.allocated()),

	/** {@code booking.lifecycle.payments-enabled} is on. */
	PAYMENTS_ENABLED("paymentsEnabled", null, GuardContext::paymentsEnabled),

	/** {@code booking.lifecycle.payments-enabled} is off. */
	PAYMENTS_DISABLED("paymentsDisabled", null, (context) -> !context.paymentsEnabled()),

	/** The request charges the client ({@code chargeClient: true}). */
	CHARGE_CLIENT("chargeClient", TransitionField.CHARGE_CLIENT, (context) -> context.fields().chargeClient());

	private final String modelName;

	private final @Nullable TransitionField field;

	private final Predicate<GuardContext> condition;

	LifecycleGuard(String modelName, @Nullable TransitionField field, Predicate<GuardContext> condition) {
		this.modelName = modelName;
		this.field = field;
		this.condition = condition;
	}

	/** The name the model uses. */
	String modelName() {
		return this.modelName;
	}

	/** The request field the guard reads, if any. */
	@Nullable TransitionField field() {
		return this.field;
	}

	boolean holds(GuardContext context) {
		return this.condition.test(context);
	}

	static Optional<LifecycleGuard> named(String name) {
		return Arrays.stream(values()).filter((guard) -> guard.modelName.equals(name)).findFirst();
	}

	/**
	 * Whether the guard holds; no guard always holds. The model was checked at start-up,
	 * so an unknown name cannot occur.
	 */
	static boolean holds(@Nullable String guard, GuardContext context) {
		if (guard == null) {
			return true;
		}
		return named(guard).orElseThrow(() -> new IllegalStateException("Unknown guard " + guard)).holds(context);
	}

}
