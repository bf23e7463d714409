package org.bookingbatch.care;

import java.util.Set;

/**
 * Published inside the transaction of every change to the care model, naming what
 * changed, so that batches under review can flag the entries that depend on it as stale.
 *
 * @param what the kind of record that changed
 * @param id the id of the changed record
 * @param clientIds clients whose visits it affects (a client, its contracts or
 * suspensions, a schedule entry)
 * @param carerIds carers it affects (a carer, their availability or absences, an entry's
 * allocation)
 * @param scheduleEntryIds schedule entries it affects
 */
public record CareModelChanged(What what, long id, Set<Long> clientIds, Set<Long> carerIds,
		Set<Long> scheduleEntryIds) {

	/** The kinds of care-model records. */
	public enum What {

		TEAM, CLIENT, CARER, CARER_AVAILABILITY, CARER_ABSENCE, SERVICE_CONTRACT, SUSPENSION, SCHEDULE_ENTRY

	}

}
