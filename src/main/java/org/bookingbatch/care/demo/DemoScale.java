package org.bookingbatch.care.demo;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The size of a generated provider.
 *
 * @param name the scale's name, as {@code booking.demo-data.scale} gives it
 * @param teams the number of teams
 * @param clients the number of clients, spread evenly over the teams
 * @param carers the number of carers, spread evenly over the teams
 * @param visitsPerClientWeek the average number of visits a client has in a week, which
 * decides the mix of care packages
 */
public record DemoScale(String name, int teams, int clients, int carers, double visitsPerClientWeek) {

	/** Three teams, about 120 clients and 40 carers, about 500 visits a week. */
	public static final DemoScale SMALL = new DemoScale("small", 3, 120, 40, 4.2);

	/** Eight teams, 1,000 clients and 120 carers, about 2,000 visits a day. */
	public static final DemoScale MEDIUM = new DemoScale("medium", 8, 1_000, 120, 14);

	/** Twenty teams, 5,000 clients and 400 carers, about 20,000 visits a day. */
	public static final DemoScale LARGE = new DemoScale("large", 20, 5_000, 400, 28);

	private static final List<DemoScale> NAMED = List.of(SMALL, MEDIUM, LARGE);

	public DemoScale {
		if (teams < 1 || clients < 1 || carers < 1) {
			throw new IllegalArgumentException("A demo provider needs at least one team, client and carer, not " + teams
					+ " / " + clients + " / " + carers);
		}
		if (visitsPerClientWeek <= 0) {
			throw new IllegalArgumentException(
					"Visits per client and week must be positive, not " + visitsPerClientWeek);
		}
	}

	/**
	 * The scale with the given name.
	 * @param name {@code small}, {@code medium} or {@code large}, in any case
	 * @return the scale
	 * @throws IllegalArgumentException for any other name
	 */
	public static DemoScale named(String name) {
		String wanted = name.trim().toLowerCase(Locale.ROOT);
		return NAMED.stream()
			.filter((scale) -> scale.name().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown demo data scale '" + name + "'; use small, medium or large"));
	}

	/**
	 * This scale with some of its sizes replaced; the visits per client and week stay.
	 * @param teams the number of teams, or null to keep this scale's
	 * @param clients the number of clients, or null to keep this scale's
	 * @param carers the number of carers, or null to keep this scale's
	 * @return the adjusted scale
	 */
	public DemoScale withSizes(@Nullable Integer teams, @Nullable Integer clients, @Nullable Integer carers) {
		if (teams == null && clients == null && carers == null) {
			return this;
		}
		return new DemoScale(this.name + " (custom)", (teams != null) ? teams : this.teams,
				(clients != null) ? clients : this.clients, (carers != null) ? carers : this.carers,
				this.visitsPerClientWeek);
	}

}
