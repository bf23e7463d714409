package org.bookingbatch.admin;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.bookingbatch.generation.BatchQueries;
import org.bookingbatch.generation.BookingBatch;
import org.bookingbatch.generation.BookingBatchStatus;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;

/**
 * The list of batches, newest first: acknowledged (done) batches are hidden unless asked
 * for.
 */
@Controller
class BatchListController {

	static final int PAGE_SIZE = 25;

	private final BatchQueries queries;

	private final BatchSummaries summaries;

	BatchListController(BatchQueries queries, BatchSummaries summaries) {
		this.queries = queries;
		this.summaries = summaries;
	}

	@GetMapping("/admin/batches")
	String list(@RequestParam(required = false) @Nullable BookingBatchStatus status,
			@RequestParam(defaultValue = "false") boolean showDone, @RequestParam(defaultValue = "0") int page,
			Model model) {
		PageResponse<BookingBatch> batches = this.queries.batches((status != null) ? List.of(status) : List.of(),
				showDone, PageParams.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("batches", this.summaries.of(batches.content()));
		model.addAttribute("page", batches);
		model.addAttribute("status", status);
		model.addAttribute("showDone", showDone);
		model.addAttribute("statuses", Arrays.asList(BookingBatchStatus.values()));
		return "admin/batches";
	}

}
