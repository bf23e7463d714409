/**
 * Bookings on the roster, the validation rules that decide whether a booking may exist,
 * and one-off bookings.
 */
@NullMarked
package org.bookingbatch.booking;

import org.jspecify.annotations.NullMarked;
