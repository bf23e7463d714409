package org.bookingbatch.webhook;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bookingbatch.booking.Api;
import org.bookingbatch.booking.LifecycleIntegrationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries to a real receiver on localhost that fails now and then: every event
 * arrives, signed, in order per booking, and a receiver that stays down makes the
 * delivery give up after the retry period. The context is closed afterwards, so that its
 * dispatcher sends nothing behind other tests' backs.
 */
@TestPropertySource(
		properties = { "booking.webhooks.dispatcher.enabled=true", "booking.webhooks.dispatcher.poll-interval=PT0.1S",
				"booking.webhooks.initial-backoff=PT0.2S", "booking.webhooks.max-backoff=PT1S" })
@DirtiesContext
class WebhookDeliveryIntegrationTests extends LifecycleIntegrationTestSupport {

	static final String SECRET = "receiver-secret-0123456789";

	WebhookReceiver receiver;

	long subscription;

	@BeforeEach
	void subscribe() throws IOException {
		this.receiver = new WebhookReceiver();
		Api.Response created = this.api.post("admin", "/api/webhooks",
				"{\"url\":\"" + this.receiver.url() + "\",\"secret\":\"" + SECRET
						+ "\",\"eventTypes\":[\"booking.status_changed\",\"batch.status_changed\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.subscription = created.json().get("id").asLong();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void everyBookingEventArrivesSignedAndInOrderPerBookingThoughTheFirstAttemptsFail() {
		// given
		this.receiver.failNext(3);
		// when
		long first = book(this.bob, this.visit, 1, "");
		changeCarers(first, this.ann);
		fire("coordinator", first, "cancel", "{\"reason\":\"In hospital\",\"chargeClient\":false}");
		long second = book(this.eve, this.visit, 1, "\"hold\":true", this.cal);
		fire("coordinator", second, "confirm_hold", "{}");
		fire("coordinator", second, "complete_stops", "{}");
		fire("admin", second, "paid", "{}");
		// then
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(distinctDelivered()).hasSize(7));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStatuses()).containsOnlyKeys("DELIVERED"));
		assertThat(this.receiver.requests()).hasSizeGreaterThanOrEqualTo(10);
		assertThat(this.receiver.requests()).allSatisfy((request) -> {
			assertThat(request.signedWith(SECRET)).isTrue();
			assertThat(request.header(WebhookSigner.EVENT_ID_HEADER)).isEqualTo(request.eventId());
			assertThat(request.header(WebhookSigner.EVENT_TYPE_HEADER)).isEqualTo("booking.status_changed");
			assertThat(request.signedWith("another-secret-0123456789")).isFalse();
		});
		assertThat(chainOf(first)).containsExactly("null>to_be_dispatched", "to_be_dispatched>dispatched",
				"dispatched>cancelled");
		assertThat(chainOf(second)).containsExactly("null>held", "held>dispatched", "dispatched>done", "done>paid");
		JsonNode cancel = eventsOf(first).get(2).data();
		assertThat(cancel.get("transition").asString()).isEqualTo("cancel");
		assertThat(cancel.get("actor").asString()).isEqualTo("coordinator");
		assertThat(cancel.get("reason").asString()).isEqualTo("In hospital");
		assertThat(cancel.get("fields").get("chargeClient").asBoolean()).isFalse();
		assertThat(cancel.get("clientId").asLong()).isEqualTo(this.bob);
		// the delivery log shows the failed attempts
		JsonNode log = this.api.get("admin", "/api/webhooks/" + this.subscription + "/deliveries?size=100").json();
		assertThat(log.get("totalElements").asLong()).isEqualTo(7);
		assertThat(log.get("content").valueStream().map((delivery) -> delivery.get("status").asString()))
			.containsOnly("DELIVERED");
		List<JsonNode> retried = log.get("content")
			.valueStream()
			.filter((delivery) -> delivery.get("attempts").asInt() > 1)
			.toList();
		assertThat(retried).isNotEmpty();
		assertThat(retried.get(0).get("log").get(0).get("statusCode").asInt()).isEqualTo(500);
		assertThat(retried.get(0).get("log").get(0).get("error").asString()).contains("500");
		assertThat(this.api.get("admin", "/api/webhooks/" + this.subscription)
			.json()
			.get("deliveries")
			.get("delivered")
			.asLong()).isEqualTo(7);
	}

	@Test
	void batchStatusChangesArriveAsEventsInOrder() {
		// given
		LocalDate monday = LocalDate.now().plusWeeks(3).with(DayOfWeek.MONDAY);
		this.jdbc.sql("""
				INSERT INTO schedule_entry (client_id, team_id, days_of_week, start_time, duration_minutes, cycle_weeks,
				cycle_start, weeks, carers_required, valid_from) VALUES (?, ?, 127, '09:00', 30, 1, ?, 1, 1, ?)
				""").params(this.bob, this.north, monday, monday).update();
		// when
		Api.Response started = this.api.post("coordinator", "/api/booking-batches",
				"{\"from\":\"" + monday + "\",\"to\":\"" + monday + "\"}");
		long batch = started.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(batchEvents(batch)).extracting((event) -> event.get("to").asString())
				.contains("VALIDATED"));
		this.api.post("coordinator", "/api/booking-batches/" + batch + "/cancel", "");
		// then
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(batchEvents(batch)).extracting((event) -> event.get("to").asString())
				.endsWith("CANCELLED"));
		List<JsonNode> events = batchEvents(batch);
		assertThat(events.get(0).get("from").isNull()).isTrue();
		assertThat(events.get(0).get("to").asString()).isEqualTo("PENDING");
		for (int i = 1; i < events.size(); i++) {
			assertThat(events.get(i).get("from").asString()).isEqualTo(events.get(i - 1).get("to").asString());
		}
		assertThat(events.get(events.size() - 1).get("actor").asString()).isEqualTo("coordinator");
	}

	@Test
	void aReceiverThatStaysDownMakesTheDeliveryGiveUpAfterADayWithoutHoldingBackLaterEvents() {
		// given
		this.receiver.down(true);
		long booking = book(this.bob, this.visit, 1, "");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.receiver.requests()).isNotEmpty());
		fire("coordinator", booking, "cancel", "{\"reason\":\"Moved away\"}");
		// when
		this.clock.advance(Duration.ofHours(25));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveryStatuses()).containsEntry("FAILED", 1L));
		this.receiver.down(false);
		// then
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(distinctDelivered()).hasSize(1));
		assertThat(chainOf(booking)).containsExactly("to_be_dispatched>cancelled");
		// the attempt is logged once the receiver has answered
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(deliveryStatuses()).containsEntry("FAILED", 1L).containsEntry("DELIVERED", 1L));
		JsonNode failed = this.api.get("admin", "/api/webhooks/" + this.subscription + "/deliveries?status=FAILED")
			.json()
			.get("content")
			.get(0);
		assertThat(failed.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(failed.get("nextAttemptAt").isNull()).isTrue();
		assertThat(failed.get("log")).hasSize(failed.get("attempts").asInt());
	}

	/** The accepted requests, each event once, in arrival order. */
	private List<WebhookReceiver.Request> distinctDelivered() {
		Map<String, WebhookReceiver.Request> byId = new LinkedHashMap<>();
		this.receiver.delivered().forEach((request) -> byId.putIfAbsent(request.eventId(), request));
		return new ArrayList<>(byId.values());
	}

	private List<WebhookReceiver.Request> eventsOf(long bookingId) {
		return distinctDelivered().stream()
			.filter((request) -> request.type().equals("booking.status_changed"))
			.filter((request) -> request.data().get("bookingId").asLong() == bookingId)
			.toList();
	}

	private List<String> chainOf(long bookingId) {
		return eventsOf(bookingId).stream()
			.map((request) -> request.data().get("from").asString("null") + ">" + request.data().get("to").asString())
			.toList();
	}

	private List<JsonNode> batchEvents(long batchId) {
		Set<String> seen = new LinkedHashSet<>();
		return this.receiver.delivered()
			.stream()
			.filter((request) -> request.type().equals("batch.status_changed"))
			.filter((request) -> seen.add(request.eventId()))
			.map(WebhookReceiver.Request::data)
			.filter((data) -> data.get("batchId").asLong() == batchId)
			.toList();
	}

	private Map<String, Long> deliveryStatuses() {
		Map<String, Long> statuses = new LinkedHashMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM webhook_delivery GROUP BY status").query((rs) -> {
			statuses.put(rs.getString(1), rs.getLong(2));
		});
		return statuses;
	}

}
