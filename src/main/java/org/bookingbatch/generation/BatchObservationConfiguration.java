package org.bookingbatch.generation;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch observes every item it reads and processes, a timer sample each: for a
 * batch of half a million entries that is a tenth of the application's CPU time. The job,
 * step and chunk observations stay, and say as much about throughput;
 * {@code booking.generation.item-metrics=true} brings the item ones back.
 */
@Configuration(proxyBeanMethods = false)
class BatchObservationConfiguration {

	@Bean
	@ConditionalOnProperty(name = "booking.generation.item-metrics", havingValue = "false", matchIfMissing = true)
	ObservationPredicate noBatchItemObservations() {
		return (name, context) -> !name.startsWith("spring.batch.item.");
	}

}
