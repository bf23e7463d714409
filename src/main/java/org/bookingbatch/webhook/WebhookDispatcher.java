package org.bookingbatch.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bookingbatch.webhook.DeliveryRepository.DueDelivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays booking events into the outbox, fans events out into one delivery per
 * subscription and sends the deliveries that are due, each first in line for its
 * subscription and ordering key, so that one booking's events arrive in order. A failed
 * attempt waits an exponentially growing back-off; a delivery is given up when the retry
 * period has passed. Several nodes may dispatch: a claim keeps a delivery on one node.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final int RELAY_LIMIT = 1000;

	private static final int DUE_LIMIT = 100;

	private static final int MAX_ROUNDS = 50;

	/** How long a claimed delivery stays with its node before another may take it. */
	private static final Duration CLAIM = Duration.ofMinutes(2);

	private final BookingEventRelay relay;

	private final DeliveryRepository deliveries;

	private final WebhookProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private @Nullable ScheduledExecutorService executor;

	WebhookDispatcher(BookingEventRelay relay, DeliveryRepository deliveries, WebhookProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.relay = relay;
		this.deliveries = deliveries;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Starts dispatching on a thread of its own, so that a slow receiver never delays the
	 * application's scheduled tasks.
	 */
	@Override
	public synchronized void start() {
		if (!this.properties.dispatcher().enabled() || this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "webhook-dispatcher");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.dispatcher().pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::dispatchSafely, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor == null) {
			return;
		}
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private void dispatchSafely() {
		try {
			dispatch();
		}
		catch (RuntimeException ex) {
			// The next round tries again; an exception must not end the schedule.
			log.warn("Webhook dispatch round failed: {}", ex.getMessage(), ex);
		}
	}

	/**
	 * One round: relay and fan out what is new, then send what is due.
	 * @return how many requests were sent
	 */
	int dispatch() {
		prepare();
		int sent = 0;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			Instant now = this.clock.instant();
			List<DueDelivery> due = this.deliveries.due(now, DUE_LIMIT);
			if (due.isEmpty()) {
				break;
			}
			for (DueDelivery delivery : due) {
				if (this.deliveries.claim(delivery.id(), now, now.plus(CLAIM))) {
					send(delivery);
					sent++;
				}
			}
		}
		return sent;
	}

	/** Relays booking events and fans out events until nothing is left. */
	void prepare() {
		int moved;
		do {
			Integer count = this.transactions.execute((status) -> {
				this.deliveries.lockRelay();
				Instant now = this.clock.instant();
				int relayed = this.relay.relay(RELAY_LIMIT);
				int fanned = this.deliveries.fanOut(now, RELAY_LIMIT);
				return relayed + fanned;
			});
			moved = (count != null) ? count : 0;
		}
		while (moved > 0);
	}

	private void send(DueDelivery delivery) {
		Instant at = this.clock.instant();
		String body = body(delivery);
		long started = System.nanoTime();
		Integer statusCode = null;
		String error = null;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
				.timeout(this.properties.requestTimeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "Booking-Batch-Webhooks")
				.header(WebhookSigner.EVENT_ID_HEADER, delivery.eventId())
				.header(WebhookSigner.EVENT_TYPE_HEADER, delivery.type())
				.header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.signatureHeader(delivery.secret(), at, body))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			statusCode = response.statusCode();
			if (statusCode / 100 != 2) {
				error = "The receiver answered " + statusCode;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "Interrupted while sending";
		}
		catch (Exception ex) {
			error = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		}
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		boolean delivered = error == null;
		// the back-off counts from the attempt, like the retry period: a clock read after
		// a slow answer could put the next attempt past the give-up moment at once
		Instant next = delivered ? null : at.plus(this.properties.backoff(delivery.attempts() + 1));
		String failure = error;
		Integer code = statusCode;
		Instant giveUpAt = (delivery.giveUpAt() != null) ? delivery.giveUpAt() : at.plus(this.properties.retryFor());
		this.transactions.executeWithoutResult((status) -> this.deliveries.recordAttempt(delivery, at, millis, code,
				failure, delivered, next, giveUpAt));
		if (!delivered) {
			log.info("Delivery {} of event {} to subscription {} failed (attempt {}): {}", delivery.id(),
					delivery.eventId(), delivery.subscriptionId(), delivery.attempts() + 1, failure);
		}
	}

	/** The request body: the event's id, type and moment around its data. */
	private String body(DueDelivery delivery) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", delivery.eventId());
		body.put("type", delivery.type());
		body.put("occurredAt", delivery.occurredAt().toString());
		body.put("data", this.json.readTree(delivery.payload()));
		return this.json.writeValueAsString(body);
	}

}
