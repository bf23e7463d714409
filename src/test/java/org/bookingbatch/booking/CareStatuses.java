package org.bookingbatch.booking;

/**
 * The status names of the default care model (booking-status-model.yml), for tests.
 */
final class CareStatuses {

	static final String HELD = "held";

	static final String ABORTED = "aborted";

	static final String PROVISIONAL = "provisional";

	static final String LAPSED = "lapsed";

	static final String TO_BE_DISPATCHED = "to_be_dispatched";

	static final String PARTIALLY_DISPATCHED = "partially_dispatched";

	static final String DISPATCHED = "dispatched";

	static final String DONE = "done";

	static final String PROCESSING_PAYMENT = "processing_payment";

	static final String PAID = "paid";

	static final String CANCELLED = "cancelled";

	static final String OWES = "owes";

	private CareStatuses() {
	}

}
