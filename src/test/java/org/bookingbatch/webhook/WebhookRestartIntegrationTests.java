package org.bookingbatch.webhook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bookingbatch.BookingBatchApplication;
import org.bookingbatch.booking.Api;
import org.bookingbatch.platform.DatabaseCleaner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost when the application stops between a change and its delivery: a first
 * application writes the outbox (part of it relayed into pending deliveries, part not
 * yet) without sending, stops, and a second one delivers every event in order.
 */
class WebhookRestartIntegrationTests {

	static final String SECRET = "restart-secret-0123456789";

	@Test
	void eventsWrittenBeforeAStopAreDeliveredByTheNextStart() throws IOException {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			long booking;
			// given: an application that does not dispatch
			try (ConfigurableApplicationContext first = start(false)) {
				JdbcTemplate jdbcTemplate = first.getBean(JdbcTemplate.class);
				DatabaseCleaner.clean(jdbcTemplate);
				Api api = new Api(port(first));
				long team = insert(jdbcTemplate, "INSERT INTO team (name) VALUES ('North')");
				long client = insert(jdbcTemplate, "INSERT INTO client (name) VALUES ('Bob Cox')");
				jdbcTemplate.update("INSERT INTO client_team (client_id, team_id) VALUES (?, ?)", client, team);
				jdbcTemplate.update(
						"INSERT INTO service_contract (client_id, service_type, start_date) VALUES (?, 'care', ?)",
						client, LocalDate.of(2020, 1, 1));
				long carer = insert(jdbcTemplate, "INSERT INTO carer (name) VALUES ('Ann Lee')");
				jdbcTemplate.update("INSERT INTO carer_team (carer_id, team_id) VALUES (?, ?)", carer, team);
				assertThat(api
					.post("admin", "/api/webhooks",
							"{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET
									+ "\",\"eventTypes\":[\"booking.status_changed\"]}")
					.status()).isEqualTo(201);
				Instant visit = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3));
				// when: two changes relayed into pending deliveries, a third left in the
				// history only
				Api.Response created = api.post("coordinator", "/api/bookings",
						"{\"clientId\":" + client + ",\"teamId\":" + team + ",\"startsAt\":\"" + visit
								+ "\",\"endsAt\":\"" + visit.plus(Duration.ofMinutes(30)) + "\"}");
				assertThat(created.status()).as(created.body()).isEqualTo(201);
				booking = created.json().get("id").asLong();
				api.put("coordinator", "/api/bookings/" + booking + "/carers", "{\"carerIds\":[" + carer + "]}");
				first.getBean(WebhookDispatcher.class).prepare();
				api.post("coordinator", "/api/bookings/" + booking + "/cancel", "{\"reason\":\"Moved away\"}");
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				assertThat(count(jdbc, "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING'")).isEqualTo(2);
				assertThat(count(jdbc, "SELECT COUNT(*) FROM booking_status_history WHERE published = FALSE"))
					.isEqualTo(1);
				assertThat(receiver.requests()).isEmpty();
			}
			// then: the next start delivers all three, in order
			try (ConfigurableApplicationContext second = start(true)) {
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(distinct(receiver)).hasSize(3));
				List<String> chain = distinct(receiver).stream()
					.map((request) -> request.data().get("from").asString("null") + ">"
							+ request.data().get("to").asString())
					.toList();
				assertThat(chain).containsExactly("null>to_be_dispatched", "to_be_dispatched>dispatched",
						"dispatched>cancelled");
				assertThat(distinct(receiver)).allSatisfy((request) -> {
					assertThat(request.signedWith(SECRET)).isTrue();
					assertThat(request.data().get("bookingId").asLong()).isEqualTo(booking);
				});
			}
		}
	}

	private static ConfigurableApplicationContext start(boolean dispatching) {
		return new SpringApplicationBuilder(BookingBatchApplication.class).run("--server.port=0",
				"--booking.webhooks.dispatcher.enabled=" + dispatching,
				"--booking.webhooks.dispatcher.poll-interval=PT0.1S");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static long insert(JdbcTemplate jdbc, String sql) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		JdbcClient.create(jdbc).sql(sql).update(keys);
		return keys.getKey().longValue();
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static List<WebhookReceiver.Request> distinct(WebhookReceiver receiver) {
		Map<String, WebhookReceiver.Request> byId = new LinkedHashMap<>();
		receiver.delivered().forEach((request) -> byId.putIfAbsent(request.eventId(), request));
		return List.copyOf(byId.values());
	}

}
