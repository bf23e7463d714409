package org.bookingbatch.care.demo;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data settings ({@code booking.demo-data}).
 *
 * @param enabled load demo data on the first start with the embedded database
 * @param seed the seed of the generated provider
 * @param scale {@code small}, {@code medium} or {@code large}
 * @param teams overrides the scale's number of teams
 * @param clients overrides the scale's number of clients
 * @param carers overrides the scale's number of carers
 */
@ConfigurationProperties("booking.demo-data")
record DemoDataProperties(@DefaultValue("true") boolean enabled, @DefaultValue("42") long seed,
		@DefaultValue("small") String scale, @Nullable Integer teams, @Nullable Integer clients,
		@Nullable Integer carers) {

	DemoDataProperties {
		// fails the start with the reason when the scale is unknown
		DemoScale.named(scale).withSizes(teams, clients, carers);
	}

	DemoScale demoScale() {
		return DemoScale.named(this.scale).withSizes(this.teams, this.clients, this.carers);
	}

}
