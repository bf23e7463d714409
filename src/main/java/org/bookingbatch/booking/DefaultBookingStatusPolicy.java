package org.bookingbatch.booking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The default status model for care visits (booking-lifecycle.md), as one table.
 */
@Component
public final class DefaultBookingStatusPolicy implements BookingStatusPolicy {

	/** A one-off booking being composed; its carer time is reserved for a while. */
	public static final String HELD = "held";

	/** A hold that expired or was abandoned. */
	public static final String ABORTED = "aborted";

	/** Created but not yet published to carers. */
	public static final String PROVISIONAL = "provisional";

	/** Still provisional when its start time passed. */
	public static final String LAPSED = "lapsed";

	/** Live, no carer allocated yet. */
	public static final String TO_BE_DISPATCHED = "to_be_dispatched";

	/** Live, some carer slots allocated. */
	public static final String PARTIALLY_DISPATCHED = "partially_dispatched";

	/** Live, every carer slot allocated. */
	public static final String DISPATCHED = "dispatched";

	/** Visited. */
	public static final String DONE = "done";

	/** Invoiced, payment awaited. */
	public static final String PROCESSING_PAYMENT = "processing_payment";

	/** Payment confirmed. */
	public static final String PAID = "paid";

	/** Cancelled. */
	public static final String CANCELLED = "cancelled";

	/** Cancelled with a charge to the client that is not paid yet. */
	public static final String OWES = "owes";

	private static final List<Row> TABLE = List.of(
	// @formatter:off
			//      status                occupiesTime countsAsBooked cancellable
			new Row(HELD,                 true,        false,         true),
			new Row(ABORTED,              false,       false,         false),
			new Row(PROVISIONAL,          true,        true,          true),
			new Row(LAPSED,               false,       true,          false),
			new Row(TO_BE_DISPATCHED,     true,        true,          true),
			new Row(PARTIALLY_DISPATCHED, true,        true,          true),
			new Row(DISPATCHED,           true,        true,          true),
			new Row(DONE,                 true,        true,          false),
			new Row(PROCESSING_PAYMENT,   true,        true,          false),
			new Row(PAID,                 true,        true,          false),
			new Row(CANCELLED,            false,       true,          false),
			new Row(OWES,                 false,       true,          false));
	// @formatter:on

	private final Map<String, Row> rows = new LinkedHashMap<>();

	private final Set<String> occupying = new LinkedHashSet<>();

	private final Set<String> booked = new LinkedHashSet<>();

	public DefaultBookingStatusPolicy() {
		for (Row row : TABLE) {
			this.rows.put(row.status(), row);
			if (row.occupiesTime()) {
				this.occupying.add(row.status());
			}
			if (row.countsAsBooked()) {
				this.booked.add(row.status());
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
		if (allocatedCarers <= 0) {
			return TO_BE_DISPATCHED;
		}
		return (allocatedCarers < carersRequired) ? PARTIALLY_DISPATCHED : DISPATCHED;
	}

	@Override
	public boolean cancellable(String status) {
		Row row = this.rows.get(status);
		return row != null && row.cancellable();
	}

	@Override
	public String cancelledStatus() {
		return CANCELLED;
	}

	/** Every status of the model, in the table's order. */
	public Set<String> statuses() {
		return Collections.unmodifiableSet(this.rows.keySet());
	}

	private record Row(String status, boolean occupiesTime, boolean countsAsBooked, boolean cancellable) {
	}

}
