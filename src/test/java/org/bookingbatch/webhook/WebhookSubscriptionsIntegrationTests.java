package org.bookingbatch.webhook;

import org.bookingbatch.booking.Api;
import org.bookingbatch.booking.LifecycleIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriptions API: ADMIN only, validated, and never showing the secret.
 */
class WebhookSubscriptionsIntegrationTests extends LifecycleIntegrationTestSupport {

	static final String SECRET = "s3cret-s3cret-s3cret";

	@Test
	void anAdminSubscribesReadsReplacesAndDeletes() {
		// when
		Api.Response created = api().post("admin", "/api/webhooks", """
				{"url": "https://example.org/hooks", "secret": "%s",
				 "eventTypes": ["booking.status_changed", "batch.status_changed"]}
				""".formatted(SECRET));
		// then
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.location()).endsWith("/api/webhooks/" + id);
		assertThat(created.body()).doesNotContain(SECRET);
		assertThat(created.json().get("active").asBoolean()).isTrue();
		assertThat(created.json().get("createdBy").asString()).isEqualTo("admin");
		assertThat(created.json().get("eventTypes").valueStream().map(JsonNode::asString))
			.containsExactly("batch.status_changed", "booking.status_changed");
		assertThat(created.json().get("deliveries").get("pending").asLong()).isZero();

		// when: replaced without a secret, which keeps the current one
		Api.Response replaced = api().put("admin", "/api/webhooks/" + id,
				"{\"url\":\"http://example.org/other\",\"eventTypes\":[\"batch.status_changed\"],\"active\":false}");
		// then
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.json().get("url").asString()).isEqualTo("http://example.org/other");
		assertThat(replaced.json().get("active").asBoolean()).isFalse();
		assertThat(replaced.json().get("version").asLong()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT secret FROM webhook_subscription WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(SECRET);
		assertThat(api().get("admin", "/api/webhooks").json().get("totalElements").asLong()).isEqualTo(1);
		assertThat(api().get("admin", "/api/webhooks/" + id + "/deliveries").json().get("content")).isEmpty();

		// when
		Api.Response deleted = api().delete("admin", "/api/webhooks/" + id);
		// then
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(api().get("admin", "/api/webhooks/" + id).status()).isEqualTo(404);
	}

	@Test
	void everyInvalidFieldIsReportedAtOnce() {
		// when
		Api.Response invalid = api().post("admin", "/api/webhooks",
				"{\"url\":\"ftp://example.org\",\"secret\":\"short\",\"eventTypes\":[\"booking.created\"]}");
		Api.Response empty = api().post("admin", "/api/webhooks", "{}");
		// then
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("url", "secret", "eventTypes[0]");
		assertThat(invalid.body()).contains("booking.status_changed, batch.status_changed");
		assertThat(empty.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("url", "secret", "eventTypes");
	}

	@Test
	void onlyAnAdminManagesWebhooks() {
		// then
		assertThat(api().get("coordinator", "/api/webhooks").status()).isEqualTo(403);
		assertThat(api().post("coordinator", "/api/webhooks", "{}").status()).isEqualTo(403);
		assertThat(api().get(null, "/api/webhooks").status()).isEqualTo(401);
	}

	@Test
	void theDeliveryLogIsFilteredByKnownStatusesOnly() {
		// given
		long id = api()
			.post("admin", "/api/webhooks",
					"{\"url\":\"https://example.org/hooks\",\"secret\":\"" + SECRET
							+ "\",\"eventTypes\":[\"booking.status_changed\"]}")
			.json()
			.get("id")
			.asLong();
		// then
		assertThat(api().get("admin", "/api/webhooks/" + id + "/deliveries?status=DELIVERED").status()).isEqualTo(200);
		assertThat(api().get("admin", "/api/webhooks/" + id + "/deliveries?status=LOST").status()).isEqualTo(400);
		assertThat(api().get("admin", "/api/webhooks/" + id + "/deliveries?sort=id").status()).isEqualTo(400);
		assertThat(api().get("admin", "/api/webhooks/999999/deliveries").status()).isEqualTo(404);
	}

	private Api api() {
		return new Api(this.port);
	}

}
