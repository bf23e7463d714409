/**
 * The booking status model as data: statuses with their flags, named transitions with
 * guards and permissions, and timeouts, read from YAML and checked for consistency before
 * the application uses it.
 * <p>
 * A small table-driven model is used rather than Spring Statemachine: the model is
 * configuration that operators edit, each booking's status is a column that set-based SQL
 * filters on (which statuses occupy time, which count as booked, which are due to time
 * out), and firing a transition is one look-up in the table under a row lock, so a state
 * machine object per booking and its builder DSL would add weight without adding anything
 * the table does not already answer.
 */
@NullMarked
package org.bookingbatch.booking.status;

import org.jspecify.annotations.NullMarked;
