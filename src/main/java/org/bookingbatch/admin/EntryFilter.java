package org.bookingbatch.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

import org.bookingbatch.booking.IssueCode;
import org.bookingbatch.generation.BatchQueries;
import org.bookingbatch.generation.EntryStatus;

/**
 * The entries table's filters and page, as query parameters of the batch page.
 */
record EntryFilter(@Nullable EntryStatus status, @Nullable IssueCode issue, @Nullable Long clientId,
		@Nullable Long carerId, @Nullable Boolean stale, int page) {

	BatchQueries.EntryQuery query() {
		return new BatchQueries.EntryQuery((this.status != null) ? List.of(this.status) : List.of(), this.issue,
				this.clientId, this.carerId, this.stale, null);
	}

	/** Whether any filter narrows the list. */
	public boolean active() {
		return this.status != null || this.issue != null || this.clientId != null || this.carerId != null
				|| this.stale != null;
	}

	/** The query string that shows this filter at the given page, without the "?". */
	public String queryString(int page) {
		UriComponentsBuilder query = UriComponentsBuilder.newInstance();
		if (this.status != null) {
			query.queryParam("status", this.status.name());
		}
		if (this.issue != null) {
			query.queryParam("issue", this.issue.name());
		}
		if (this.clientId != null) {
			query.queryParam("clientId", this.clientId);
		}
		if (this.carerId != null) {
			query.queryParam("carerId", this.carerId);
		}
		if (this.stale != null) {
			query.queryParam("stale", this.stale);
		}
		if (page > 0) {
			query.queryParam("page", page);
		}
		String built = query.build().encode().toUriString();
		return built.startsWith("?") ? built.substring(1) : built;
	}

	/** This filter's query string, at its page. */
	public String queryString() {
		return queryString(this.page);
	}

	/**
	 * Where a form on the batch page returns to: the page with the filter the user was
	 * looking at. Only the characters such a query string can hold are kept, so the value
	 * sent back by the browser cannot lead elsewhere.
	 */
	static String returnPath(long batchId, @Nullable String query) {
		String safe = (query != null && query.matches("[A-Za-z0-9_=&%.\\-]*")) ? query : "";
		return "/admin/batches/" + batchId + (safe.isEmpty() ? "" : "?" + safe) + "#entries";
	}

}
