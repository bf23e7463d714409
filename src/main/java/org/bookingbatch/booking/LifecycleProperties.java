package org.bookingbatch.booking;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the booking lifecycle ({@code booking.lifecycle.*}).
 *
 * @param statusModel where to read the status model from (a Spring resource location);
 * when absent, {@code config/booking-status-model.yml} in the working directory if it
 * exists, else the default model inside the application
 * @param holdTimeout how long a hold lives without activity; the default model's timeout
 * of {@code held} reads it through a placeholder
 * @param paymentsEnabled whether bookings go through processing payment (the
 * {@code paymentsEnabled} and {@code paymentsDisabled} guards)
 * @param sweep the sweep that fires timeouts
 */
@ConfigurationProperties("booking.lifecycle")
record LifecycleProperties(@Nullable String statusModel, @DefaultValue("PT20M") Duration holdTimeout,
		@DefaultValue("false") boolean paymentsEnabled, @DefaultValue Sweep sweep) {

	/**
	 * @param cron when the sweep runs ({@code -} turns the schedule off; the actuator can
	 * still run it)
	 * @param chunkSize how many due bookings one chunk of the sweep job handles
	 */
	record Sweep(@DefaultValue("0 * * * * *") String cron, @DefaultValue("100") int chunkSize) {
	}

}
