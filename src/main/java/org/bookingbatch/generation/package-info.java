/**
 * The booking-generation batch: its statuses and actions, entries, the Spring Batch job,
 * review actions, scheduling, recovery, and its HTTP API and actuator endpoint.
 */
@NullMarked
package org.bookingbatch.generation;

import org.jspecify.annotations.NullMarked;
