package org.bookingbatch.booking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bookingbatch.platform.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The request fields a transition of the status model may accept besides the reason.
 */
enum TransitionField {

	/** Cancel: the client is charged for the visit. */
	CHARGE_CLIENT("chargeClient"),

	/** Cancel: the carers are paid for the visit. */
	PAY_CARER("payCarer"),

	/** Complete stops: the carers whose visit failed; they are unallocated. */
	FAILED_CARER_IDS("failedCarerIds");

	private final String jsonName;

	TransitionField(String jsonName) {
		this.jsonName = jsonName;
	}

	String jsonName() {
		return this.jsonName;
	}

	static Optional<TransitionField> named(String name) {
		return Arrays.stream(values()).filter((field) -> field.jsonName.equals(name)).findFirst();
	}

	/**
	 * The value of the field read from JSON, or null after adding an error when it has
	 * the wrong type.
	 */
	@Nullable Object read(@Nullable Object raw, List<FieldError> errors) {
		if (raw == null) {
			return null;
		}
		if (this == FAILED_CARER_IDS) {
			if (!(raw instanceof List<?> list)) {
				errors.add(new FieldError(this.jsonName, "must be a list of carer ids"));
				return null;
			}
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				Object item = list.get(i);
				if (item instanceof Integer || item instanceof Long) {
					ids.add(((Number) item).longValue());
				}
				else {
					errors.add(new FieldError(this.jsonName + "[" + i + "]", "must be a carer id"));
				}
			}
			return List.copyOf(ids);
		}
		if (!(raw instanceof Boolean)) {
			errors.add(new FieldError(this.jsonName, "must be true or false"));
			return null;
		}
		return raw;
	}

}
