package org.bookingbatch.booking;

import java.util.List;

import org.bookingbatch.booking.status.BookingStatusModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up about bookings in statuses the model in force does not have (after
 * the model was changed): they neither occupy time nor count as booked, and no transition
 * leaves them.
 */
@Component
class UnknownStatusWarning {

	private static final Logger log = LoggerFactory.getLogger(UnknownStatusWarning.class);

	private final BookingStatusModel model;

	private final JdbcClient jdbc;

	UnknownStatusWarning(BookingStatusModel model, JdbcClient jdbc) {
		this.model = model;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnAboutUnknownStatuses() {
		List<String> unknown = unknownStatuses();
		if (!unknown.isEmpty()) {
			log.warn("Bookings are in statuses that the booking status model '{}' from {} does not have: {}."
					+ " They do not occupy time, do not count as booked and cannot change status; add the statuses"
					+ " to the model or move the bookings.", this.model.name(), this.model.source(), unknown);
		}
	}

	/** The statuses of bookings that the model does not know. */
	List<String> unknownStatuses() {
		return this.jdbc.sql("SELECT DISTINCT status FROM booking ORDER BY status")
			.query(String.class)
			.list()
			.stream()
			.filter((status) -> this.model.status(status).isEmpty())
			.toList();
	}

}
