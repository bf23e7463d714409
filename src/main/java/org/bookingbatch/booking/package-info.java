/**
 * Bookings on the roster, the validation rules that decide whether a booking may exist,
 * one-off bookings, and the booking lifecycle: the status model in force (see
 * {@code org.bookingbatch.booking.status}), its named transitions with their history, the
 * transitions that changes of carers fire, and the sweep job that fires timeouts.
 */
@NullMarked
package org.bookingbatch.booking;

import org.jspecify.annotations.NullMarked;
