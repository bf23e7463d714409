package org.bookingbatch.generation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * The status table of batch-lifecycle.md, written out once more by hand, against
 * {@link BatchStatusModel}.
 */
class BatchStatusModelTests {

	/** batch-lifecycle.md, "Batch statuses": status -> actions. */
	static final Map<BookingBatchStatus, Set<BatchAction>> SPEC = new EnumMap<>(BookingBatchStatus.class);

	static {
		SPEC.put(BookingBatchStatus.PENDING, EnumSet.of(CANCEL));
		SPEC.put(BookingBatchStatus.BUILDING_ENTRIES, EnumSet.of(CANCEL));
		SPEC.put(BookingBatchStatus.VALIDATING, EnumSet.of(CANCEL));
		// "also edit an entry's carers, select / deselect entries, remove matching
		// entries, auto-resolve carer clashes"
		SPEC.put(BookingBatchStatus.VALIDATED, EnumSet.of(CONFIRM, REFRESH_ENTRIES, REVALIDATE_STALE, REMOVE_ENTRIES,
				CANCEL, EDIT_ENTRIES, AUTO_RESOLVE_CLASHES));
		SPEC.put(BookingBatchStatus.REVALIDATING, EnumSet.of(CANCEL));
		SPEC.put(BookingBatchStatus.CONFIRMING, EnumSet.of(CANCEL));
		SPEC.put(BookingBatchStatus.CONFIRMED, EnumSet.of(CANCEL));
		SPEC.put(BookingBatchStatus.CREATING, EnumSet.of(CANCEL, FORCE_COMPLETE));
		SPEC.put(BookingBatchStatus.COMPLETED, EnumSet.of(DONE, RETRY));
		SPEC.put(BookingBatchStatus.PARTIALLY_COMPLETED, EnumSet.of(DONE, RETRY));
		SPEC.put(BookingBatchStatus.FAILED, EnumSet.of(DONE, RETRY));
		SPEC.put(BookingBatchStatus.CANCELLED, EnumSet.of(DONE, RETRY));
	}

	@Test
	void tableCoversEveryStatusAndAction() {
		// then
		assertThat(SPEC).containsOnlyKeys(BookingBatchStatus.values());
		Set<BatchAction> used = EnumSet.noneOf(BatchAction.class);
		SPEC.values().forEach(used::addAll);
		assertThat(used).containsExactlyInAnyOrder(BatchAction.values());
	}

	@ParameterizedTest
	@EnumSource(BookingBatchStatus.class)
	void everyStatusAllowsExactlyTheActionsOfTheTable(BookingBatchStatus status) {
		for (BatchAction action : BatchAction.values()) {
			// when
			boolean listed = BatchStatusModel.actionsOf(status).contains(action);
			// then
			assertThat(listed).as("%s allows %s", status, action).isEqualTo(SPEC.get(status).contains(action));
		}
	}

	@ParameterizedTest
	@EnumSource(BookingBatchStatus.class)
	void availableActionsAreTheTableWhenNotStalledDoneOrRetried(BookingBatchStatus status) {
		// when
		var actions = BatchStatusModel.availableActions(status, false, false, false);
		// then
		Set<BatchAction> expected = EnumSet.copyOf(SPEC.get(status));
		expected.remove(FORCE_COMPLETE);
		assertThat(actions).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void forceCompleteIsOfferedOnlyWhileACreatingBatchIsStalled() {
		for (BookingBatchStatus status : BookingBatchStatus.values()) {
			// when
			var stalled = BatchStatusModel.availableActions(status, true, false, false);
			var running = BatchStatusModel.availableActions(status, false, false, false);
			// then
			assertThat(stalled.contains(FORCE_COMPLETE)).as("%s stalled offers FORCE_COMPLETE", status)
				.isEqualTo(status == BookingBatchStatus.CREATING);
			assertThat(running).doesNotContain(FORCE_COMPLETE);
		}
		assertThat(BatchStatusModel.availableActions(BookingBatchStatus.CREATING, true, false, false))
			.containsExactlyInAnyOrder(CANCEL, FORCE_COMPLETE);
	}

	@ParameterizedTest
	@EnumSource(value = BookingBatchStatus.class, names = { "COMPLETED", "PARTIALLY_COMPLETED", "FAILED", "CANCELLED" })
	void doneAndRetryAreOfferedOnceEach(BookingBatchStatus status) {
		// when
		var fresh = BatchStatusModel.availableActions(status, false, false, false);
		var done = BatchStatusModel.availableActions(status, false, true, false);
		var retried = BatchStatusModel.availableActions(status, false, false, true);
		var both = BatchStatusModel.availableActions(status, false, true, true);
		// then
		assertThat(fresh).containsExactlyInAnyOrder(DONE, RETRY);
		assertThat(done).containsExactly(RETRY);
		assertThat(retried).containsExactly(DONE);
		assertThat(both).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = BookingBatchStatus.class, names = { "COMPLETED", "PARTIALLY_COMPLETED", "FAILED", "CANCELLED" },
			mode = EnumSource.Mode.EXCLUDE)
	void cancelEndsTheBatchExceptDuringConfirmationWhereItReturnsToReview(BookingBatchStatus status) {
		// given
		assertThat(SPEC.get(status)).contains(CANCEL);
		// when
		BookingBatchStatus after = BatchStatusModel.afterCancel(status);
		// then
		boolean confirming = status == BookingBatchStatus.CONFIRMING || status == BookingBatchStatus.CONFIRMED;
		assertThat(after).isEqualTo(confirming ? BookingBatchStatus.VALIDATED : BookingBatchStatus.CANCELLED);
	}

	@Test
	void midCreationStatusesAreConfirmingConfirmedAndCreating() {
		for (BookingBatchStatus status : BookingBatchStatus.values()) {
			assertThat(status.isMidCreation()).as("%s is mid-creation", status)
				.isEqualTo(EnumSet
					.of(BookingBatchStatus.CONFIRMING, BookingBatchStatus.CONFIRMED, BookingBatchStatus.CREATING)
					.contains(status));
		}
	}

}
