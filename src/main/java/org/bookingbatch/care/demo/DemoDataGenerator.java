package org.bookingbatch.care.demo;

import java.time.LocalDate;
import java.time.ZoneId;

import org.bookingbatch.care.demo.DemoPlan.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates a synthetic care provider into the database: teams, clients, carers with
 * working patterns, service contracts, schedule entries with carers allocated where they
 * are free, and a few deliberate problems so that a booking batch shows invalid entries.
 * The same scale, seed and start date always give the same rows.
 * <p>
 * Schedule entries and contracts start on the start date and are open-ended; every cycle
 * starts on the Monday on or before it. It runs in the caller's transaction when there is
 * one (the first-start loader) and in bulk otherwise (the benchmark).
 */
public class DemoDataGenerator {

	private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	/**
	 * @param jdbc where to write
	 * @param zone the provider's time zone, for absences and suspensions
	 */
	public DemoDataGenerator(JdbcTemplate jdbc, ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/**
	 * Generates a provider into an empty care model.
	 * @param scale how big
	 * @param seed the seed every random choice comes from
	 * @param startDate the first date of the schedule
	 * @return what was written, with the ids of the deliberate problems
	 * @throws IllegalStateException when the database already holds teams, clients or
	 * carers
	 */
	public DemoDataSummary generate(DemoScale scale, long seed, LocalDate startDate) {
		if (!isCareModelEmpty()) {
			throw new IllegalStateException(
					"Demo data goes into an empty care model, but there are teams, clients" + " or carers already");
		}
		long started = System.nanoTime();
		DemoPlan plan = new DemoPlanner(scale, seed, startDate, this.zone).plan();
		long planned = System.nanoTime();
		new DemoDataWriter(this.jdbc).write(plan);
		long written = System.nanoTime();
		DemoDataSummary summary = summary(scale, seed, startDate, plan);
		log.info(
				"Demo data ({} scale, seed {}, from {}): {} teams, {} clients, {} carers, {} schedule entries,"
						+ " about {} visits a week; planned in {} ms, written in {} ms",
				scale.name(), seed, startDate, summary.teams(), summary.clients(), summary.carers(),
				summary.scheduleEntries(), summary.visitsPerWeek(), (planned - started) / 1_000_000,
				(written - planned) / 1_000_000);
		return summary;
	}

	/**
	 * Whether the care model has no teams, clients or carers yet.
	 * @return true when demo data can be generated
	 */
	public boolean isCareModelEmpty() {
		Integer rows = this.jdbc.queryForObject("""
				SELECT (SELECT COUNT(*) FROM team) + (SELECT COUNT(*) FROM client) + (SELECT COUNT(*) FROM carer)
				""", Integer.class);
		return rows != null && rows == 0;
	}

	private static DemoDataSummary summary(DemoScale scale, long seed, LocalDate startDate, DemoPlan plan) {
		double visits = 0;
		int doubleHanded = 0;
		int openSlots = 0;
		for (Entry entry : plan.entries) {
			visits += entry.visitsPerWeek();
			doubleHanded += (entry.carersRequired() > 1) ? 1 : 0;
			openSlots += entry.openSlots();
		}
		return new DemoDataSummary(scale.name(), seed, startDate, plan.teams.size(), plan.clients.size(),
				plan.carers.size(), plan.entries.size(), doubleHanded, openSlots, Math.round(visits),
				Math.round(plan.problemVisitsPerWeek), plan.problems);
	}

}
