package org.bookingbatch.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs delivery bodies: HMAC-SHA256 with the subscription's secret over
 * {@code "<unix seconds>.<body>"}, so that a receiver can check both who sent the body
 * and when.
 */
public final class WebhookSigner {

	/** The header with the timestamp and the signature. */
	public static final String SIGNATURE_HEADER = "Booking-Batch-Signature";

	/** The header with the event's id, the same on every attempt. */
	public static final String EVENT_ID_HEADER = "Booking-Batch-Event-Id";

	/** The header with the event's type. */
	public static final String EVENT_TYPE_HEADER = "Booking-Batch-Event-Type";

	private WebhookSigner() {
	}

	/** The signature header's value: {@code t=<unix seconds>,v1=<hex HMAC>}. */
	public static String signatureHeader(String secret, Instant at, String body) {
		long seconds = at.getEpochSecond();
		return "t=" + seconds + ",v1=" + hmac(secret, seconds + "." + body);
	}

	/** The lower-case hex HMAC-SHA256 of the text with the secret. */
	public static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
