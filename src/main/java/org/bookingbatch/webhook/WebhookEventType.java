package org.bookingbatch.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a webhook subscription may ask for.
 */
public enum WebhookEventType {

	/** A booking changed status, or was created. */
	BOOKING_STATUS_CHANGED("booking.status_changed"),

	/** A booking-generation batch changed status. */
	BATCH_STATUS_CHANGED("batch.status_changed");

	private final String apiName;

	WebhookEventType(String apiName) {
		this.apiName = apiName;
	}

	/** The name the API and the deliveries use. */
	public String apiName() {
		return this.apiName;
	}

	static Optional<WebhookEventType> named(String name) {
		return Arrays.stream(values()).filter((type) -> type.apiName.equals(name)).findFirst();
	}

}
