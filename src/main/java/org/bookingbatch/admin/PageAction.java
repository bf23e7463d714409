package org.bookingbatch.admin;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.bookingbatch.generation.BatchAction;

/**
 * The batch-wide actions the batch page offers as buttons, with the path each posts to.
 * The entry actions (edit, remove, auto-resolve) live in the entries table instead.
 */
enum PageAction {

	CONFIRM(BatchAction.CONFIRM, "confirm", "Confirm", "primary",
			"Re-checks the selected valid entries and creates their bookings"),

	REFRESH_ENTRIES(BatchAction.REFRESH_ENTRIES, "refresh", "Refresh entries", "secondary",
			"Rebuilds the entries against today's schedules, keeping your edits"),

	REVALIDATE_STALE(BatchAction.REVALIDATE_STALE, "revalidate", "Revalidate stale entries", "secondary",
			"Re-checks the entries flagged stale"),

	FORCE_COMPLETE(BatchAction.FORCE_COMPLETE, "force-complete", "Force complete", "danger",
			"Marks the remaining entries failed and ends the stalled batch",
			"Force complete this batch? Its remaining entries are marked failed."),

	DONE(BatchAction.DONE, "done", "Mark as done", "secondary", "Hides the batch from the default list"),

	RETRY(BatchAction.RETRY, "retry", "Retry as new batch", "primary",
			"Starts a new batch over the same range and teams; it skips what is already booked"),

	CANCEL(BatchAction.CANCEL, "cancel", "Cancel batch", "danger", "Stops the batch",
			"Cancel this batch? Bookings already created are kept.");

	private final BatchAction action;

	private final String path;

	private final String label;

	private final String style;

	private final String hint;

	private final @Nullable String question;

	PageAction(BatchAction action, String path, String label, String style, String hint) {
		this(action, path, label, style, hint, null);
	}

	PageAction(BatchAction action, String path, String label, String style, String hint, @Nullable String question) {
		this.action = action;
		this.path = path;
		this.label = label;
		this.style = style;
		this.hint = hint;
		this.question = question;
	}

	static Optional<PageAction> ofPath(String path) {
		return Arrays.stream(values()).filter((a) -> a.path.equals(path)).findFirst();
	}

	static Optional<PageAction> of(BatchAction action) {
		return Arrays.stream(values()).filter((a) -> a.action == action).findFirst();
	}

	BatchAction action() {
		return this.action;
	}

	public String path() {
		return this.path;
	}

	public String label() {
		return this.label;
	}

	public String style() {
		return this.style;
	}

	public String hint() {
		return this.hint;
	}

	/** What the page asks before a destructive action, or null to just do it. */
	public @Nullable String question() {
		return this.question;
	}

}
