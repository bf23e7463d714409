package org.bookingbatch.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The provider's time zone ({@code booking.time-zone}, default Europe/London) and the
 * clock every part reads "now" from, so that tests can move time.
 */
@Configuration(proxyBeanMethods = false)
class ProviderTimeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ZoneId providerZone(@Value("${booking.time-zone:Europe/London}") String zone) {
		return ZoneId.of(zone);
	}

}
