package org.bookingbatch.booking;

import java.time.Clock;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/bookingsweep}: how many bookings have a due timeout, and a write
 * operation that runs the sweep at once and answers what it did. The actuator is open to
 * ADMIN only.
 */
@Component
@Endpoint(id = "bookingsweep")
class BookingSweepEndpoint {

	private final BookingSweep sweep;

	private final LifecycleProperties properties;

	private final Clock clock;

	BookingSweepEndpoint(BookingSweep sweep, LifecycleProperties properties, Clock clock) {
		this.sweep = sweep;
		this.properties = properties;
		this.clock = clock;
	}

	@ReadOperation
	Status status() {
		return new Status(this.sweep.due(this.clock.instant()), this.properties.sweep().cron());
	}

	@WriteOperation
	BookingSweep.SweepResult sweep() {
		return this.sweep.run("ACTUATOR");
	}

	/**
	 * What the endpoint reports.
	 *
	 * @param due bookings whose timeout is due now
	 * @param cron when the sweep runs by itself
	 */
	record Status(long due, String cron) {
	}

}
