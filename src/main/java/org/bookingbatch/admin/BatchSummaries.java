package org.bookingbatch.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.bookingbatch.generation.BatchQueries;
import org.bookingbatch.generation.BatchService;
import org.bookingbatch.generation.BookingBatch;

/**
 * Builds {@link BatchSummary summaries}, looking the team names of many batches up at
 * once.
 */
@Component
class BatchSummaries {

	private final BatchService service;

	private final BatchQueries queries;

	private final AdminFormats formats;

	BatchSummaries(BatchService service, BatchQueries queries, AdminFormats formats) {
		this.service = service;
		this.queries = queries;
		this.formats = formats;
	}

	BatchSummary of(BookingBatch batch) {
		return of(List.of(batch)).get(0);
	}

	List<BatchSummary> of(Collection<BookingBatch> batches) {
		Set<Long> teamIds = new HashSet<>();
		batches.forEach((batch) -> teamIds.addAll(batch.teamIds()));
		Map<Long, String> teamNames = this.queries.teamNames(teamIds);
		List<BatchSummary> summaries = new ArrayList<>();
		for (BookingBatch batch : batches) {
			List<String> names = batch.teamIds()
				.stream()
				.map((id) -> teamNames.getOrDefault(id, "Team " + id))
				.sorted()
				.toList();
			summaries.add(BatchSummary.of(batch, this.service.stalled(batch), names, this.formats));
		}
		return summaries;
	}

}
