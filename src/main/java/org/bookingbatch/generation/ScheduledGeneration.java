package org.bookingbatch.generation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled overnight generation: on the cron (in the provider's time zone) a batch
 * over the rolling window starts, with origin SCHEDULE. Every node fires; the ShedLock
 * launch lock lets one of them in, and the run's row in {@code scheduled_run}, keyed by
 * the run's date and written in the transaction that creates the batch, is the final
 * guard: a night runs once, also when two nodes fire at the same second or a node
 * restarts. A run that was missed because no node was up runs on the next start if it is
 * still the same day.
 */
@Component
class ScheduledGeneration implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ScheduledGeneration.class);

	private static final DateTimeFormatter FIRED_AT = DateTimeFormatter.ofPattern("HH:mm:ss");

	/** The name of the launch lock. */
	static final String LOCK = "scheduled-generation";

	/** The actor of what the schedule does on the timeline. */
	static final String ACTOR = "schedule";

	private final GenerationProperties.Schedule settings;

	private final CronExpression cron;

	private final BatchService service;

	private final ScheduledRuns runs;

	private final LockingTaskExecutor lock;

	private final TransactionTemplate transactions;

	private final NodeIdentity node;

	private final Clock clock;

	private final ZoneId zone;

	ScheduledGeneration(GenerationProperties properties, BatchService service, ScheduledRuns runs,
			LockingTaskExecutor lock, TransactionTemplate transactions, NodeIdentity node, Clock clock, ZoneId zone) {
		this.settings = properties.schedule();
		this.cron = parse(this.settings.cron());
		this.service = service;
		this.runs = runs;
		this.lock = lock;
		this.transactions = transactions;
		this.node = node;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.settings.enabled()) {
			registrar.addTriggerTask(this::fire, new CronTrigger(this.settings.cron(), this.zone));
			log.info("Scheduled generation: '{}' in {}, {} mode, the {} days starting {} days ahead", this.cron,
					this.zone, this.settings.mode().name().toLowerCase().replace('_', '-'), this.settings.windowDays(),
					this.settings.windowStartDays());
		}
	}

	/** What the cron runs: today's run, unless it already ran. */
	void fire() {
		if (this.settings.enabled()) {
			ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(this.zone));
			// HH:mm:ss also on the minute, where LocalTime would leave the seconds out
			runOnce(now.toLocalDate(), "on schedule at " + FIRED_AT.format(now));
		}
	}

	/**
	 * Runs today's run on start-up if its time has passed and no node ran it (the
	 * application was down at the time).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		if (!this.settings.enabled()) {
			return;
		}
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(this.zone));
		ZonedDateTime firstToday = this.cron.next(now.toLocalDate().atStartOfDay(this.zone).minusNanos(1));
		if (firstToday != null && !firstToday.isAfter(now) && firstToday.toLocalDate().equals(now.toLocalDate())
				&& !this.runs.exists(now.toLocalDate())) {
			runOnce(now.toLocalDate(), "on start-up: the run due at " + firstToday.toLocalTime() + " was missed");
		}
	}

	/**
	 * Runs the date's run under the launch lock unless it already ran; returns the batch
	 * it started.
	 */
	Optional<Long> runOnce(LocalDate runDate, String why) {
		if (this.runs.exists(runDate)) {
			log.info("Scheduled run of {} fired {} on node {}: skipped, it already ran", runDate, why, this.node.id());
			return Optional.empty();
		}
		LockConfiguration configuration = new LockConfiguration(ClockProvider.now(), LOCK,
				this.settings.lockAtMostFor(), this.settings.lockAtLeastFor());
		LockingTaskExecutor.TaskResult<Optional<Long>> result;
		try {
			result = this.lock.executeWithLock(() -> run(runDate, why), configuration);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
		if (!result.wasExecuted()) {
			log.info("Scheduled run of {} fired {} on node {}: skipped, another node holds the launch lock", runDate,
					why, this.node.id());
			return Optional.empty();
		}
		return result.getResult();
	}

	/**
	 * Starts the date's batch and claims the date in one transaction; the unique key on
	 * the date refuses a second claim. Does not take the launch lock.
	 */
	Optional<Long> run(LocalDate runDate, String why) {
		return run(runDate, this.settings.mode(), why);
	}

	/** Like {@link #run(LocalDate, String)}, in the given mode. */
	Optional<Long> run(LocalDate runDate, GenerationProperties.ScheduleMode mode, String why) {
		LocalDate from = runDate.plusDays(this.settings.windowStartDays());
		LocalDate to = from.plusDays(Math.max(1, this.settings.windowDays()) - 1);
		Instant now = Instant.now(this.clock);
		try {
			Long batchId = this.transactions.execute((status) -> {
				this.runs.insert(runDate, now, this.node.id(), mode, from, to, ScheduledRuns.State.OPEN, null);
				BookingBatch batch = this.service.start(from, to, this.settings.teamIds(), null, false,
						BatchOrigin.SCHEDULE, ACTOR);
				this.runs.setFirstBatch(runDate, batch.id());
				return batch.id();
			});
			log.info("Scheduled run of {} fired {} on node {}: started batch {} for {} to {}", runDate, why,
					this.node.id(), batchId, from, to);
			return Optional.ofNullable(batchId);
		}
		catch (DuplicateKeyException ex) {
			log.info("Scheduled run of {} fired {} on node {}: skipped, it already ran", runDate, why, this.node.id());
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			// The start was refused (a batch mid-creation blocks the window, or a
			// configured team does not exist): the night's run is recorded as refused
			// so that it is visible and not tried over and over.
			String reason = "No batch started: " + ex.getMessage();
			log.warn("Scheduled run of {} fired {} on node {}: {}", runDate, why, this.node.id(), reason);
			try {
				this.transactions.executeWithoutResult((status) -> this.runs.insert(runDate, now, this.node.id(), mode,
						from, to, ScheduledRuns.State.REFUSED, reason));
			}
			catch (DuplicateKeyException duplicate) {
				log.info("Scheduled run of {} was recorded by another node meanwhile", runDate);
			}
			return Optional.empty();
		}
	}

	/** The next time the schedule fires, if it is enabled. */
	Optional<Instant> nextRun() {
		if (!this.settings.enabled()) {
			return Optional.empty();
		}
		ZonedDateTime next = this.cron.next(ZonedDateTime.now(this.clock.withZone(this.zone)));
		return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
	}

	GenerationProperties.Schedule settings() {
		return this.settings;
	}

	private static CronExpression parse(String cron) {
		try {
			return CronExpression.parse(cron);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("booking.generation.schedule.cron is not a valid cron expression: '" + cron
					+ "': " + ex.getMessage(), ex);
		}
	}

}
