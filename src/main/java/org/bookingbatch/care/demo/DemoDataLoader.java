package org.bookingbatch.care.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads demo data once, on the first start with the embedded database: a user who runs
 * the application without any set-up finds a provider to try batches on. The
 * {@code setup_marker} row written in the same transaction keeps later starts (and an
 * operator who emptied the tables) from loading it again. Runs after Flyway and before
 * the application reports ready.
 */
class DemoDataLoader implements ApplicationRunner, Ordered {

	static final String MARKER = "demo-data";

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoDataGenerator generator;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ZoneId zone;

	private final DemoDataProperties properties;

	private final boolean embeddedDatabase;

	DemoDataLoader(DemoDataGenerator generator, JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock,
			ZoneId zone, DemoDataProperties properties, boolean embeddedDatabase) {
		this.generator = generator;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.zone = zone;
		this.properties = properties;
		this.embeddedDatabase = embeddedDatabase;
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
	}

	/**
	 * Loads the demo data unless it was loaded before or the database is not the embedded
	 * one.
	 * @return what was loaded, or empty when nothing was
	 */
	Optional<DemoDataSummary> load() {
		if (!this.embeddedDatabase) {
			log.debug("No demo data: the database is not the embedded one");
			return Optional.empty();
		}
		return this.transaction.execute((status) -> {
			// The marker goes in first: a second loader blocks on its row until this
			// transaction ends, then finds it there.
			int marked = this.jdbc.update("INSERT IGNORE INTO setup_marker (name, done_at) VALUES (?, ?)", MARKER,
					LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			if (marked == 0) {
				log.debug("Demo data was loaded before");
				return Optional.empty();
			}
			if (!this.generator.isCareModelEmpty()) {
				log.info("No demo data: the care model already holds data");
				return Optional.empty();
			}
			LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
			return Optional.of(this.generator.generate(this.properties.demoScale(), this.properties.seed(), today));
		});
	}

	@Override
	public int getOrder() {
		// before other start-up work that reads the care model
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
