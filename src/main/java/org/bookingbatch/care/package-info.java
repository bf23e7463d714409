/**
 * The care scheduling model: teams, clients, carers with their availability and absences,
 * service contracts, suspensions and schedule entries, and the recurrence that turns an
 * entry into occurrences.
 */
@NullMarked
package org.bookingbatch.care;

import org.jspecify.annotations.NullMarked;
