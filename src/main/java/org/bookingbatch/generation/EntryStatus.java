package org.bookingbatch.generation;

/**
 * The statuses of a batch entry. REMOVED entries left the batch: they are counted only as
 * removed and never shown as entries.
 */
public enum EntryStatus {

	PENDING, VALID, INVALID, CONFIRMED, CREATING, CREATED, FAILED, REMOVED

}
