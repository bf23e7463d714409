package org.bookingbatch.booking;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationPropertiesTests {

	@Test
	void everySwitchIsOffByDefault() {
		// when
		ValidationProperties properties = bind(Map.of());
		// then
		assertThat(properties).isEqualTo(ValidationProperties.DEFAULTS);
		assertThat(properties).isEqualTo(new ValidationProperties(false, false, false, false));
	}

	@Test
	void eachSwitchBindsFromItsKebabCaseName() {
		// when
		ValidationProperties overlap = bind(Map.of("booking.validation.allow-client-overlap", "true"));
		ValidationProperties scheduled = bind(Map.of("booking.validation.carer-must-be-scheduled-available", "true"));
		ValidationProperties clients = bind(Map.of("booking.validation.clients-must-have-address", "true"));
		ValidationProperties carers = bind(Map.of("booking.validation.carers-must-have-address", "true"));
		// then
		assertThat(overlap).isEqualTo(new ValidationProperties(true, false, false, false));
		assertThat(scheduled).isEqualTo(new ValidationProperties(false, true, false, false));
		assertThat(clients).isEqualTo(new ValidationProperties(false, false, true, false));
		assertThat(carers).isEqualTo(new ValidationProperties(false, false, false, true));
	}

	@Test
	void switchesCanBeTurnedOffExplicitly() {
		// when
		ValidationProperties properties = bind(Map.of("booking.validation.allow-client-overlap", "false",
				"booking.validation.carers-must-have-address", "false"));
		// then
		assertThat(properties).isEqualTo(ValidationProperties.DEFAULTS);
	}

	private static ValidationProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("booking.validation",
				ValidationProperties.class);
	}

}
