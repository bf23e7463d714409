package org.bookingbatch.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook deliveries ({@code booking.webhooks.*}).
 *
 * @param initialBackoff the wait after the first failed attempt; it doubles with each
 * further failure
 * @param maxBackoff the longest wait between two attempts
 * @param retryFor how long a delivery is retried before it is given up
 * @param connectTimeout how long to wait for the receiver's connection
 * @param requestTimeout how long to wait for the receiver's answer
 * @param dispatcher the dispatcher that sends deliveries
 */
@ConfigurationProperties("booking.webhooks")
record WebhookProperties(@DefaultValue("PT10S") Duration initialBackoff, @DefaultValue("PT1H") Duration maxBackoff,
		@DefaultValue("P1D") Duration retryFor, @DefaultValue("PT5S") Duration connectTimeout,
		@DefaultValue("PT10S") Duration requestTimeout, @DefaultValue Dispatcher dispatcher) {

	/**
	 * @param enabled whether this node relays and sends (every node may; they share the
	 * work)
	 * @param pollInterval the pause between two rounds
	 */
	record Dispatcher(@DefaultValue("true") boolean enabled, @DefaultValue("PT1S") Duration pollInterval) {
	}

	/** The wait before the next attempt after {@code attempts} failed ones. */
	Duration backoff(int attempts) {
		Duration delay = this.initialBackoff;
		for (int i = 1; i < attempts && delay.compareTo(this.maxBackoff) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : delay;
	}

}
