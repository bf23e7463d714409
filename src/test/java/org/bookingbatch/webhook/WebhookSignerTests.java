package org.bookingbatch.webhook;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature of deliveries, and the back-off between attempts.
 */
class WebhookSignerTests {

	@Test
	void theHmacIsHmacSha256InLowerCaseHex() {
		// then: the published test vector
		assertThat(WebhookSigner.hmac("key", "The quick brown fox jumps over the lazy dog"))
			.isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
	}

	@Test
	void theSignatureHeaderSignsTheTimestampWithTheBody() {
		// given
		Instant at = Instant.parse("2026-04-01T07:00:00Z");
		// when
		String header = WebhookSigner.signatureHeader("a-secret-of-16-chars", at, "{\"id\":\"1\"}");
		// then
		assertThat(header)
			.isEqualTo("t=1775026800,v1=" + WebhookSigner.hmac("a-secret-of-16-chars", "1775026800.{\"id\":\"1\"}"));
		assertThat(header).isNotEqualTo(WebhookSigner.signatureHeader("another-secret-16ch", at, "{\"id\":\"1\"}"));
		assertThat(header)
			.isNotEqualTo(WebhookSigner.signatureHeader("a-secret-of-16-chars", at.plusSeconds(1), "{\"id\":\"1\"}"));
	}

	@Test
	void theBackOffDoublesUpToItsCeilingAndRetriesLastADay() {
		// given
		WebhookProperties properties = new WebhookProperties(Duration.ofSeconds(10), Duration.ofHours(1),
				Duration.ofDays(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
				new WebhookProperties.Dispatcher(true, Duration.ofSeconds(1)));
		// when
		Duration total = Duration.ZERO;
		int attempts = 1;
		while (total.plus(properties.backoff(attempts)).compareTo(properties.retryFor()) <= 0) {
			total = total.plus(properties.backoff(attempts));
			attempts++;
		}
		// then
		assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(properties.backoff(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(properties.backoff(9)).isEqualTo(Duration.ofSeconds(2560));
		assertThat(properties.backoff(10)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.backoff(1000)).isEqualTo(Duration.ofHours(1));
		assertThat(attempts).isBetween(25, 35);
	}

}
