package org.bookingbatch.webhook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bookingbatch.booking.BookingHistory;
import org.bookingbatch.booking.BookingStatusChange;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Copies booking status changes from the booking status history (their outbox) into the
 * webhook outbox, oldest first, as {@code booking.status_changed} events. The event id is
 * derived from the history row, so a relay repeated after a crash adds nothing twice.
 */
@Component
class BookingEventRelay {

	private final BookingHistory history;

	private final WebhookOutbox outbox;

	private final JsonMapper json = JsonMapper.builder().build();

	BookingEventRelay(BookingHistory history, WebhookOutbox outbox) {
		this.history = history;
		this.outbox = outbox;
	}

	/**
	 * Relays up to {@code limit} changes; the caller holds the relay lock in its
	 * transaction.
	 * @return how many changes were taken
	 */
	int relay(int limit) {
		if (!this.outbox.subscribed(WebhookEventType.BOOKING_STATUS_CHANGED)) {
			// Nobody listens: the changes are marked without being read.
			return this.history.markPublished(limit);
		}
		List<BookingStatusChange> changes = this.history.unpublished(limit);
		for (BookingStatusChange change : changes) {
			this.outbox.append(eventId(change), WebhookEventType.BOOKING_STATUS_CHANGED,
					"booking:" + change.bookingId(), this.json.writeValueAsString(data(change)), change.at());
		}
		this.history.markPublished(changes.stream().map(BookingStatusChange::id).toList());
		return changes.size();
	}

	static String eventId(BookingStatusChange change) {
		return UUID.nameUUIDFromBytes(("booking-status-history:" + change.id()).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/** The event's data; instants and dates as ISO-8601 text. */
	static Map<String, Object> data(BookingStatusChange change) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("bookingId", change.bookingId());
		data.put("from", change.from());
		data.put("to", change.to());
		data.put("transition", change.transition());
		data.put("actor", change.actor());
		data.put("at", change.at().toString());
		data.put("reason", change.reason());
		data.put("fields", change.fields());
		data.put("clientId", change.clientId());
		data.put("teamId", change.teamId());
		data.put("scheduleEntryId", change.scheduleEntryId());
		data.put("occurrenceDate", change.occurrenceDate().toString());
		data.put("startsAt", change.startsAt().toString());
		data.put("endsAt", change.endsAt().toString());
		data.put("batchId", change.batchId());
		return data;
	}

}
