package org.bookingbatch.generation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.bookingbatch.generation.BatchAction.AUTO_RESOLVE_CLASHES;
import static org.bookingbatch.generation.BatchAction.CANCEL;
import static org.bookingbatch.generation.BatchAction.CONFIRM;
import static org.bookingbatch.generation.BatchAction.DONE;
import static org.bookingbatch.generation.BatchAction.EDIT_ENTRIES;
import static org.bookingbatch.generation.BatchAction.FORCE_COMPLETE;
import static org.bookingbatch.generation.BatchAction.REFRESH_ENTRIES;
import static org.bookingbatch.generation.BatchAction.REMOVE_ENTRIES;
import static org.bookingbatch.generation.BatchAction.RETRY;
import static org.bookingbatch.generation.BatchAction.REVALIDATE_STALE;
import static org.bookingbatch.generation.BookingBatchStatus.BUILDING_ENTRIES;
import static org.bookingbatch.generation.BookingBatchStatus.CANCELLED;
import static org.bookingbatch.generation.BookingBatchStatus.COMPLETED;
import static org.bookingbatch.generation.BookingBatchStatus.CONFIRMED;
import static org.bookingbatch.generation.BookingBatchStatus.CONFIRMING;
import static org.bookingbatch.generation.BookingBatchStatus.CREATING;
import static org.bookingbatch.generation.BookingBatchStatus.FAILED;
import static org.bookingbatch.generation.BookingBatchStatus.PARTIALLY_COMPLETED;
import static org.bookingbatch.generation.BookingBatchStatus.PENDING;
import static org.bookingbatch.generation.BookingBatchStatus.REVALIDATING;
import static org.bookingbatch.generation.BookingBatchStatus.VALIDATED;
import static org.bookingbatch.generation.BookingBatchStatus.VALIDATING;

/**
 * The one table that says which actions each batch status allows. The API's
 * availableActions, its 409 refusals, the admin pages and the job all ask it; nothing
 * else decides what is allowed.
 */
public final class BatchStatusModel {

	private static final Map<BookingBatchStatus, Set<BatchAction>> ACTIONS = new EnumMap<>(BookingBatchStatus.class);

	static {
		ACTIONS.put(PENDING, EnumSet.of(CANCEL));
		ACTIONS.put(BUILDING_ENTRIES, EnumSet.of(CANCEL));
		ACTIONS.put(VALIDATING, EnumSet.of(CANCEL));
		ACTIONS.put(VALIDATED, EnumSet.of(CONFIRM, REFRESH_ENTRIES, REVALIDATE_STALE, REMOVE_ENTRIES, EDIT_ENTRIES,
				AUTO_RESOLVE_CLASHES, CANCEL));
		ACTIONS.put(REVALIDATING, EnumSet.of(CANCEL));
		ACTIONS.put(CONFIRMING, EnumSet.of(CANCEL));
		ACTIONS.put(CONFIRMED, EnumSet.of(CANCEL));
		ACTIONS.put(CREATING, EnumSet.of(CANCEL, FORCE_COMPLETE));
		ACTIONS.put(COMPLETED, EnumSet.of(DONE, RETRY));
		ACTIONS.put(PARTIALLY_COMPLETED, EnumSet.of(DONE, RETRY));
		ACTIONS.put(FAILED, EnumSet.of(DONE, RETRY));
		ACTIONS.put(CANCELLED, EnumSet.of(DONE, RETRY));
	}

	private BatchStatusModel() {
	}

	/**
	 * The actions a batch in the given state allows.
	 * @param status the batch's status
	 * @param stalled whether a CREATING batch has stalled (FORCE_COMPLETE is offered only
	 * then)
	 * @param done whether the batch was already acknowledged (DONE is offered once)
	 * @param retried whether the batch was already retried (RETRY is offered once)
	 */
	public static List<BatchAction> availableActions(BookingBatchStatus status, boolean stalled, boolean done,
			boolean retried) {
		List<BatchAction> actions = new ArrayList<>();
		for (BatchAction action : ACTIONS.get(status)) {
			if (action == FORCE_COMPLETE && !stalled) {
				continue;
			}
			if (action == DONE && done) {
				continue;
			}
			if (action == RETRY && retried) {
				continue;
			}
			actions.add(action);
		}
		return Collections.unmodifiableList(actions);
	}

	/**
	 * The actions the table lists for a status, before the stalled / done / retried
	 * conditions.
	 */
	public static Set<BatchAction> actionsOf(BookingBatchStatus status) {
		return Collections.unmodifiableSet(ACTIONS.get(status));
	}

	/** Where CANCEL takes a batch in the given status. */
	public static BookingBatchStatus afterCancel(BookingBatchStatus status) {
		return (status == CONFIRMING || status == CONFIRMED) ? VALIDATED : CANCELLED;
	}

}
