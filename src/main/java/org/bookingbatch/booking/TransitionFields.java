package org.bookingbatch.booking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The reason and fields of a transition request, as validated against the transition.
 *
 * @param reason why, as the caller wrote it
 * @param values the accepted fields by JSON name
 */
record TransitionFields(@Nullable String reason, Map<String, Object> values) {

	static final TransitionFields NONE = new TransitionFields(null, Map.of());

	TransitionFields {
		values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	static TransitionFields reason(@Nullable String reason) {
		return new TransitionFields(reason, Map.of());
	}

	boolean chargeClient() {
		return Boolean.TRUE.equals(this.values.get(TransitionField.CHARGE_CLIENT.jsonName()));
	}

	@Nullable Boolean chargeClientValue() {
		return (Boolean) this.values.get(TransitionField.CHARGE_CLIENT.jsonName());
	}

	@Nullable Boolean payCarerValue() {
		return (Boolean) this.values.get(TransitionField.PAY_CARER.jsonName());
	}

	@SuppressWarnings("unchecked")
	List<Long> failedCarerIds() {
		Object ids = this.values.get(TransitionField.FAILED_CARER_IDS.jsonName());
		return (ids != null) ? (List<Long>) ids : List.of();
	}

}
