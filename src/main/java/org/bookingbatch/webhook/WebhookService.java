package org.bookingbatch.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bookingbatch.platform.FieldError;
import org.bookingbatch.platform.InvalidRequestException;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Creates, replaces, lists and deletes webhook subscriptions, and reads their delivery
 * logs.
 */
@Service
class WebhookService {

	static final int MIN_SECRET_LENGTH = 16;

	static final int MAX_SECRET_LENGTH = 500;

	static final int MAX_URL_LENGTH = 2000;

	private final JdbcClient jdbc;

	private final DeliveryRepository deliveries;

	private final Clock clock;

	WebhookService(JdbcClient jdbc, DeliveryRepository deliveries, Clock clock) {
		this.jdbc = jdbc;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@Transactional
	WebhookResponse create(WebhookRequest request, String user) {
		Valid valid = validate(request, true);
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO webhook_subscription (url, secret, active, created_by, created_at, updated_at)
				VALUES (:url, :secret, :active, :user, :now, :now)
				""")
			.param("url", valid.url())
			.param("secret", valid.secret())
			.param("active", valid.active())
			.param("user", user)
			.param("now", DeliveryRepository.utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		writeEventTypes(id, valid.eventTypes());
		return get(id);
	}

	@Transactional
	WebhookResponse replace(long id, WebhookRequest request) {
		Valid valid = validate(request, false);
		get(id);
		int updated = this.jdbc.sql("""
				UPDATE webhook_subscription SET url = :url, secret = COALESCE(:secret, secret), active = :active,
				updated_at = :now, version = version + 1 WHERE id = :id
				""")
			.param("url", valid.url())
			.param("secret", valid.secret())
			.param("active", valid.active())
			.param("now", DeliveryRepository.utc(this.clock.instant()))
			.param("id", id)
			.update();
		Assert.state(updated == 1, "Updated " + updated + " subscriptions instead of 1");
		this.jdbc.sql("DELETE FROM webhook_subscription_event WHERE subscription_id = :id").param("id", id).update();
		writeEventTypes(id, valid.eventTypes());
		return get(id);
	}

	/** Deletes the subscription with its delivery log. */
	@Transactional
	void delete(long id) {
		get(id);
		this.jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id").param("id", id).update();
	}

	@Transactional(readOnly = true)
	WebhookResponse get(long id) {
		return this.jdbc.sql("SELECT * FROM webhook_subscription WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> subscription(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("Webhook subscription", id));
	}

	@Transactional(readOnly = true)
	PageResponse<WebhookResponse> list(PageParams page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM webhook_subscription").query(Long.class).single();
		List<WebhookResponse> subscriptions = this.jdbc
			.sql("SELECT * FROM webhook_subscription ORDER BY id LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> subscription(rs))
			.list();
		return PageResponse.of(subscriptions, page, total);
	}

	@Transactional(readOnly = true)
	PageResponse<DeliveryResponse> deliveries(long id, @Nullable String status, PageParams page) {
		get(id);
		if (status != null
				&& !List.of(DeliveryRepository.PENDING, DeliveryRepository.DELIVERED, DeliveryRepository.FAILED)
					.contains(status)) {
			throw new InvalidRequestException("status", "must be one of PENDING, DELIVERED, FAILED");
		}
		return this.deliveries.find(id, status, page);
	}

	private void writeEventTypes(long id, Set<String> eventTypes) {
		for (String type : eventTypes) {
			this.jdbc.sql("INSERT INTO webhook_subscription_event (subscription_id, event_type) VALUES (:id, :type)")
				.param("id", id)
				.param("type", type)
				.update();
		}
	}

	private WebhookResponse subscription(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		List<String> types = this.jdbc
			.sql("SELECT event_type FROM webhook_subscription_event WHERE subscription_id = :id ORDER BY event_type")
			.param("id", id)
			.query(String.class)
			.list();
		Map<String, Long> counts = this.deliveries.counts(id);
		return new WebhookResponse(id, rs.getString("url"), types, rs.getBoolean("active"), rs.getString("created_by"),
				DeliveryRepository.instant(rs, "created_at"), DeliveryRepository.instant(rs, "updated_at"),
				rs.getLong("version"), counts);
	}

	private static Valid validate(WebhookRequest request, boolean secretRequired) {
		List<FieldError> errors = new ArrayList<>();
		String url = request.url();
		if (url == null || url.isBlank()) {
			errors.add(new FieldError("url", "must not be blank"));
		}
		else if (url.length() > MAX_URL_LENGTH) {
			errors.add(new FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
		}
		else if (!httpUrl(url)) {
			errors.add(new FieldError("url", "must be an absolute http or https URL"));
		}
		String secret = request.secret();
		if (secret == null) {
			if (secretRequired) {
				errors.add(new FieldError("secret", "must not be null"));
			}
		}
		else if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
			errors.add(new FieldError("secret",
					"must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH + " characters long"));
		}
		Set<String> types = new LinkedHashSet<>();
		if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
			errors.add(new FieldError("eventTypes", "must list at least one event type"));
		}
		else {
			for (int i = 0; i < request.eventTypes().size(); i++) {
				String type = request.eventTypes().get(i);
				if (type == null || WebhookEventType.named(type).isEmpty()) {
					errors.add(new FieldError("eventTypes[" + i + "]",
							"'" + type + "' is not an event type; one of " + String.join(", ",
									Arrays.stream(WebhookEventType.values()).map(WebhookEventType::apiName).toList())));
				}
				else {
					types.add(type);
				}
			}
		}
		InvalidRequestException.throwIfAny(errors);
		return new Valid(url.strip(), secret, types, request.active() == null || request.active());
	}

	private static boolean httpUrl(String url) {
		try {
			URI uri = new URI(url.strip());
			return uri.isAbsolute() && uri.getHost() != null
					&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private record Valid(String url, @Nullable String secret, Set<String> eventTypes, boolean active) {
	}

}
