package org.bookingbatch.care.internal;

import java.time.Instant;

/**
 * A period in which a carer cannot work (holiday, sickness, training).
 */
record CarerAbsence(long id, long carerId, Instant startsAt, Instant endsAt, String reason) {
}
