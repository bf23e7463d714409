package org.bookingbatch.generation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.bookingbatch.care.CareModelChanged;

/**
 * Flags the entries of batches under review that depend on a changed client, carer,
 * schedule entry, availability, absence, contract or suspension, in the transaction of
 * the change.
 */
@Component
class StaleEntryFlagger {

	private static final Logger log = LoggerFactory.getLogger(StaleEntryFlagger.class);

	private final EntryRepository entries;

	StaleEntryFlagger(EntryRepository entries) {
		this.entries = entries;
	}

	@EventListener
	void on(CareModelChanged change) {
		var batches = this.entries.flagStale(change.clientIds(), change.carerIds(), change.scheduleEntryIds());
		if (!batches.isEmpty()) {
			log.info("{} {} changed: flagged entries of batches {} as stale", change.what(), change.id(), batches);
		}
	}

}
