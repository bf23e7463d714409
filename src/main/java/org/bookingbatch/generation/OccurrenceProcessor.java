package org.bookingbatch.generation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import org.bookingbatch.care.Recurrence;
import org.bookingbatch.care.ScheduleEntry;

/**
 * Drafts one entry per occurrence of a schedule entry in the batch's range; a pure
 * computation, no query.
 */
class OccurrenceProcessor implements ItemProcessor<ScheduleEntry, List<EntryDraft>> {

	private final LocalDate from;

	private final LocalDate to;

	private final ZoneId zone;

	OccurrenceProcessor(LocalDate from, LocalDate to, ZoneId zone) {
		this.from = from;
		this.to = to;
		this.zone = zone;
	}

	@Override
	public @Nullable List<EntryDraft> process(ScheduleEntry entry) {
		List<EntryDraft> drafts = new ArrayList<>();
		Recurrence.forEachOccurrence(entry, this.from, this.to, this.zone,
				(occurrence) -> drafts.add(new EntryDraft(entry.id(), entry.version(), entry.clientId(), entry.teamId(),
						occurrence.date(), occurrence.startsAt(), occurrence.endsAt(), entry.carersRequired(),
						entry.carerIds(), entry.serviceContractId())));
		return drafts.isEmpty() ? null : drafts;
	}

}
