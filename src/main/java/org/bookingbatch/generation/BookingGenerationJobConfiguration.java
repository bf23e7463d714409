package org.bookingbatch.generation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;

import org.bookingbatch.booking.BookingStatusPolicy;
import org.bookingbatch.care.ScheduleEntry;

/**
 * The booking-generation job: build entries, validate them, pause for review,
 * confirm-revalidate and create bookings, one job instance per batch (identifying
 * parameter: the batch id). Revalidation of stale entries runs as its own small job per
 * request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GenerationProperties.class)
class BookingGenerationJobConfiguration {

	static final String JOB = "bookingGenerationJob";

	static final String REVALIDATION_JOB = "batchRevalidationJob";

	static final String REFRESH_JOB = "batchRefreshJob";

	static final String BUILD_STEP = "buildEntriesStep";

	static final String VALIDATE_STEP = "validateEntriesStep";

	static final String CONFIRM_STEP = "confirmEntriesStep";

	static final String CREATE_STEP = "createBookingsStep";

	static final String REVALIDATE_STEP = "revalidateEntriesStep";

	static final String REFRESH_STEP = "refreshEntriesStep";

	private final DeadlockRetry deadlockRetry;

	BookingGenerationJobConfiguration(DeadlockRetry deadlockRetry) {
		this.deadlockRetry = deadlockRetry;
	}

	@Bean
	Job bookingGenerationJob(JobRepository jobRepository, Step buildEntriesStep, Step validateEntriesStep,
			Step confirmEntriesStep, Step createBookingsStep, ReviewDecider reviewDecider, BatchJobListener listener) {
		return new JobBuilder(JOB, jobRepository).start(buildEntriesStep)
			.next(validateEntriesStep)
			.next(reviewDecider)
			// A restart replays the flow from its start, skipping the completed steps,
			// and
			// passes a stop state it meets before any step has run. Restarting at the
			// final
			// check (which does nothing unless the batch is confirming) lets a restart
			// that
			// finds the batch back in review run one step and then pause here again; with
			// the decider as the restart target it would go round without end.
			.on(ReviewDecider.REVIEW)
			.stopAndRestart(confirmEntriesStep)
			.from(reviewDecider)
			.on(ReviewDecider.CONFIRM)
			.to(confirmEntriesStep)
			.from(reviewDecider)
			.on(ReviewDecider.CREATE)
			.to(createBookingsStep)
			// after the final check the batch's status decides: on to creation, or back
			// to the review pause when it was rejected or cancelled meanwhile
			.from(confirmEntriesStep)
			.on(ExitStatus.FAILED.getExitCode())
			.fail()
			.from(confirmEntriesStep)
			.on("*")
			.to(reviewDecider)
			.from(createBookingsStep)
			.on(ExitStatus.FAILED.getExitCode())
			.fail()
			.from(createBookingsStep)
			.on(ReviewDecider.REVIEW)
			.to(reviewDecider)
			.from(createBookingsStep)
			.on("*")
			.end()
			.end()
			.listener(listener)
			.build();
	}

	@Bean
	Job batchRevalidationJob(JobRepository jobRepository, Step revalidateEntriesStep, BatchJobListener listener) {
		return new JobBuilder(REVALIDATION_JOB, jobRepository).start(revalidateEntriesStep).listener(listener).build();
	}

	@Bean
	Job batchRefreshJob(JobRepository jobRepository, Step refreshEntriesStep, Step dropVanishedEntriesStep,
			Step validateRefreshedEntriesStep, Step revalidateEntriesStep, BatchJobListener listener) {
		return new JobBuilder(REFRESH_JOB, jobRepository).start(refreshEntriesStep)
			.next(dropVanishedEntriesStep)
			.next(validateRefreshedEntriesStep)
			.next(revalidateEntriesStep)
			.listener(listener)
			.build();
	}

	// Build, validate, the final check and creation run in partitions of contiguous ids
	// (see
	// IdRangePartitioner), one thread each: while one partition's chunk waits for the
	// database, another's is computed. Each partition is a step execution of its own with
	// its own restart state and count shard; every chunk takes the batch's lock, shared,
	// before it writes.

	@Bean
	Step buildEntriesStep(JobRepository jobRepository, Step buildEntriesWorkerStep,
			Partitioner scheduleEntryPartitioner, GenerationProperties properties, BatchJobListener listener) {
		return partitioned(BUILD_STEP, jobRepository, buildEntriesWorkerStep, scheduleEntryPartitioner, properties,
				listener)
			.build();
	}

	@Bean
	Step validateEntriesStep(JobRepository jobRepository, Step validateEntriesWorkerStep,
			Partitioner pendingEntryPartitioner, GenerationProperties properties, BatchJobListener listener) {
		return partitioned(VALIDATE_STEP, jobRepository, validateEntriesWorkerStep, pendingEntryPartitioner, properties,
				listener)
			.build();
	}

	@Bean
	Step confirmEntriesStep(JobRepository jobRepository, Step confirmEntriesWorkerStep,
			Partitioner validEntryPartitioner, GenerationProperties properties, BatchJobListener listener) {
		return rerunPartitioned(CONFIRM_STEP, jobRepository, confirmEntriesWorkerStep, validEntryPartitioner,
				properties, listener);
	}

	/**
	 * A partitioned step that runs again on every confirmation, each time over all of its
	 * partitions (RerunPartitionSplitter).
	 */
	private static Step rerunPartitioned(String name, JobRepository jobRepository, Step worker, Partitioner partitioner,
			GenerationProperties properties, BatchJobListener listener) {
		return partitioned(name, jobRepository, worker, partitioner, properties, listener)
			.splitter(new RerunPartitionSplitter(jobRepository, worker.getName(), partitioner))
			.allowStartIfComplete(true)
			.build();
	}

	private static PartitionStepBuilder partitioned(String name, JobRepository jobRepository, Step worker,
			Partitioner partitioner, GenerationProperties properties, BatchJobListener listener) {
		return new StepBuilder(name, jobRepository).partitioner(name, partitioner)
			.step(worker)
			.gridSize(properties.partitions())
			.taskExecutor(new SimpleAsyncTaskExecutor(name + "-"))
			.listener(listener);
	}

	/**
	 * The chunk transactions read committed: the partitions of a step write at the same
	 * time, and their set-based statements then lock the rows they change, not the gaps
	 * and rows they read on the way (which the other partition may be inserting next to).
	 * What a chunk must not race with, a status change, it guards with the batch's lock.
	 */
	private static final TransactionAttribute CHUNK_TRANSACTION = readCommitted();

	private static TransactionAttribute readCommitted() {
		DefaultTransactionAttribute attribute = new DefaultTransactionAttribute();
		attribute.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		return attribute;
	}

	/**
	 * A chunk-oriented step over batch entries (or their ids), one chunk per transaction,
	 * written again when the transaction loses a deadlock.
	 */
	private <T> ChunkOrientedStepBuilder<T, T> entryStep(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, GenerationProperties properties, ItemReader<T> reader,
			ItemWriter<T> writer) {
		return new StepBuilder(name, jobRepository).<T, T>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.transactionAttribute(CHUNK_TRANSACTION)
			.reader(reader)
			.writer(this.deadlockRetry.around(writer));
	}

	/**
	 * A step that drafts entries from chunks of schedule entries, written again when the
	 * transaction loses a deadlock.
	 */
	private Step draftStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenerationProperties properties, ItemReader<ScheduleEntry> reader,
			ItemProcessor<ScheduleEntry, List<EntryDraft>> processor, ItemWriter<List<EntryDraft>> writer,
			BatchJobListener listener) {
		return new StepBuilder(name, jobRepository).<ScheduleEntry, List<EntryDraft>>chunk(properties.buildChunkSize())
			.transactionManager(transactionManager)
			.transactionAttribute(CHUNK_TRANSACTION)
			.reader(reader)
			.processor(processor)
			.writer(this.deadlockRetry.around(writer))
			.listener(listener)
			.build();
	}

	@Bean
	Step buildEntriesWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenerationProperties properties, KeysetPagingItemReader<ScheduleEntry> scheduleEntryReader,
			ItemProcessor<ScheduleEntry, List<EntryDraft>> occurrenceProcessor,
			ItemWriter<List<EntryDraft>> buildEntriesWriter, BatchJobListener listener) {
		return draftStep(BUILD_STEP + "Worker", jobRepository, transactionManager, properties, scheduleEntryReader,
				occurrenceProcessor, buildEntriesWriter, listener);
	}

	@Bean
	Step validateEntriesWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenerationProperties properties, KeysetPagingItemReader<BatchEntry> pendingEntryReader,
			ItemWriter<BatchEntry> validateEntriesWriter, BatchJobListener listener) {
		return entryStep(VALIDATE_STEP + "Worker", jobRepository, transactionManager, properties, pendingEntryReader,
				validateEntriesWriter)
			.listener(listener)
			.build();
	}

	@Bean
	Step confirmEntriesWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenerationProperties properties, KeysetPagingItemReader<BatchEntry> selectedEntryReader,
			ItemWriter<BatchEntry> confirmEntriesWriter, BatchJobListener listener) {
		return entryStep(CONFIRM_STEP + "Worker", jobRepository, transactionManager, properties, selectedEntryReader,
				confirmEntriesWriter)
			.listener(listener)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step createBookingsStep(JobRepository jobRepository, Step createBookingsWorkerStep,
			Partitioner confirmedEntryPartitioner, GenerationProperties properties, BatchJobListener listener) {
		// it runs again after a confirmation that was cancelled before creation began
		return rerunPartitioned(CREATE_STEP, jobRepository, createBookingsWorkerStep, confirmedEntryPartitioner,
				properties, listener);
	}

	@Bean
	Step createBookingsWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenerationProperties properties, KeysetPagingItemReader<Long> creatableEntryReader,
			ItemWriter<Long> createBookingsWriter, BatchJobListener listener) {
		return entryStep(CREATE_STEP + "Worker", jobRepository, transactionManager, properties, creatableEntryReader,
				createBookingsWriter)
			.listener(listener)
			.allowStartIfComplete(true)
			.build();
	}

	/** Validates the entries a refresh added or redrafted (they are PENDING). */
	@Bean
	Step validateRefreshedEntriesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenerationProperties properties, KeysetPagingItemReader<BatchEntry> pendingEntryReader,
			ItemWriter<BatchEntry> validateEntriesWriter) {
		return entryStep("validateRefreshedEntriesStep", jobRepository, transactionManager, properties,
				pendingEntryReader, validateEntriesWriter)
			.build();
	}

	@Bean
	Step revalidateEntriesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenerationProperties properties, KeysetPagingItemReader<BatchEntry> staleEntryReader,
			ItemWriter<BatchEntry> validateEntriesWriter, BatchJobListener listener) {
		return entryStep(REVALIDATE_STEP, jobRepository, transactionManager, properties, staleEntryReader,
				validateEntriesWriter)
			.listener(listener)
			.build();
	}

	@Bean
	Step refreshEntriesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenerationProperties properties, KeysetPagingItemReader<ScheduleEntry> scheduleEntryReader,
			ItemProcessor<ScheduleEntry, List<EntryDraft>> occurrenceProcessor,
			ItemWriter<List<EntryDraft>> refreshEntriesWriter, BatchJobListener listener) {
		return draftStep(REFRESH_STEP, jobRepository, transactionManager, properties, scheduleEntryReader,
				occurrenceProcessor, refreshEntriesWriter, listener);
	}

	/**
	 * Drops the entries whose schedule entry no longer falls into the batch at all (moved
	 * to another team, or its validity moved out of the range), or no longer occurs in
	 * the range (for example now every other week): the refresh step only sees schedule
	 * entries with at least one occurrence in the range, and it redrafts the entries of
	 * those that changed, so an entry still drafted from an older version of its schedule
	 * entry has lost its occurrence.
	 */
	@Bean
	Step dropVanishedEntriesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcClient jdbc, BatchRepository batches, Clock clock) {
		return new StepBuilder("dropVanishedEntriesStep", jobRepository).tasklet((contribution, chunkContext) -> {
			long batchId = chunkContext.getStepContext().getStepExecution().getJobParameters().getLong("batchId");
			BookingBatch batch = batches.find(batchId).orElseThrow();
			batches.lockStatus(batchId);
			Map<String, Object> params = new java.util.HashMap<>(Map.of("batchId", batchId));
			String vanished = """
					e.batch_id = :batchId AND e.status IN ('PENDING', 'VALID', 'INVALID') AND NOT EXISTS (
					SELECT 1 FROM schedule_entry s WHERE s.id = e.schedule_entry_id AND s.version = e.schedule_version
					AND\s""" + scheduleScope(batch, params) + ")";
			jdbc.sql("DELETE c FROM batch_entry_carer c JOIN batch_entry e ON e.id = c.entry_id WHERE " + vanished)
				.params(params)
				.update();
			int dropped = jdbc.sql("DELETE e FROM batch_entry e WHERE " + vanished).params(params).update();
			if (dropped > 0) {
				batches.recount(batchId, java.time.Instant.now(clock));
			}
			return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	@StepScope
	IdRangePartitioner scheduleEntryPartitioner(@Value("#{jobParameters['batchId']}") Long batchId,
			BatchRepository batches, JdbcClient jdbc) {
		return new IdRangePartitioner(() -> {
			Map<String, Object> params = new java.util.HashMap<>();
			String scope = scheduleScope(batches.find(batchId).orElseThrow(), params);
			return span(jdbc, "schedule_entry s", "s.id", scope, params);
		});
	}

	@Bean
	@StepScope
	IdRangePartitioner pendingEntryPartitioner(@Value("#{jobParameters['batchId']}") Long batchId, JdbcClient jdbc) {
		return entryPartitioner(jdbc, batchId, EntryStatus.PENDING);
	}

	@Bean
	@StepScope
	IdRangePartitioner validEntryPartitioner(@Value("#{jobParameters['batchId']}") Long batchId, JdbcClient jdbc) {
		return entryPartitioner(jdbc, batchId, EntryStatus.VALID);
	}

	@Bean
	@StepScope
	IdRangePartitioner confirmedEntryPartitioner(@Value("#{jobParameters['batchId']}") Long batchId, JdbcClient jdbc) {
		return entryPartitioner(jdbc, batchId, EntryStatus.CONFIRMED);
	}

	/** Splits the batch's entries in the status that the step's writer changes. */
	private static IdRangePartitioner entryPartitioner(JdbcClient jdbc, long batchId, EntryStatus status) {
		return new IdRangePartitioner(() -> span(jdbc, "batch_entry e", "e.id",
				"e.batch_id = :batchId AND e.status = :status", Map.of("batchId", batchId, "status", status.name())));
	}

	/**
	 * The schedule entries a batch draws from: valid on some day of its range, of its
	 * teams (all when it names none). Adds the condition's parameters.
	 */
	private static String scheduleScope(BookingBatch batch, Map<String, Object> params) {
		params.put("from", batch.from());
		params.put("to", batch.to());
		String scope = "s.valid_from <= :to AND (s.valid_to IS NULL OR s.valid_to >= :from)";
		if (batch.teamIds().isEmpty()) {
			return scope;
		}
		params.put("teams", batch.teamIds());
		return scope + " AND s.team_id IN (:teams)";
	}

	private static long @Nullable [] span(JdbcClient jdbc, String from, String id, String where,
			Map<String, Object> params) {
		long[] span = jdbc.sql("SELECT MIN(" + id + "), MAX(" + id + ") FROM " + from + " WHERE " + where)
			.params(params)
			.query((rs, row) -> (rs.getObject(1) != null) ? new long[] { rs.getLong(1), rs.getLong(2) } : new long[0])
			.single();
		return (span.length > 0) ? span : null;
	}

	// Readers: keyset paging on the id, so that a resumed step continues after its last
	// committed chunk (KeysetPagingItemReader). Entry readers also filter on the status
	// that the step's writer changes, which makes the position self-evident after a
	// crash.

	@Bean
	@StepScope
	KeysetPagingItemReader<ScheduleEntry> scheduleEntryReader(JdbcClient jdbc,
			@Value("#{jobParameters['batchId']}") Long batchId,
			@Value("#{stepExecutionContext['fromId']}") @Nullable Long fromId,
			@Value("#{stepExecutionContext['toId']}") @Nullable Long toId, BatchRepository batches,
			GenerationProperties properties) {
		Map<String, Object> params = new java.util.HashMap<>();
		String scope = scheduleScope(batches.find(batchId).orElseThrow(), params);
		return new KeysetPagingItemReader<>("scheduleEntryReader", jdbc, """
				s.id, s.client_id, s.team_id, s.days_of_week, s.start_time, s.duration_minutes, s.cycle_weeks,
				s.cycle_start, s.weeks, s.carers_required, s.service_contract_id, s.valid_from, s.valid_to, s.version,
				(SELECT GROUP_CONCAT(c.carer_id ORDER BY c.slot) FROM schedule_entry_carer c
				 WHERE c.schedule_entry_id = s.id) AS carer_ids
				""", "schedule_entry s", scope + IdRangePartitioner.condition("s.id", fromId, toId), params,
				properties.buildChunkSize(),
				(rs, row) -> new ScheduleEntry(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("team_id"),
						days(rs.getInt("days_of_week")), rs.getObject("start_time", java.time.LocalTime.class),
						rs.getInt("duration_minutes"), rs.getInt("cycle_weeks"),
						rs.getObject("cycle_start", LocalDate.class), weeks(rs.getInt("weeks")),
						rs.getInt("carers_required"), EntryRepository.parseIds(rs.getString("carer_ids")),
						BatchRepository.nullableLong(rs, "service_contract_id"),
						rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
						rs.getLong("version")));
	}

	@Bean
	@StepScope
	KeysetPagingItemReader<BatchEntry> pendingEntryReader(JdbcClient jdbc,
			@Value("#{jobParameters['batchId']}") Long batchId,
			@Value("#{stepExecutionContext['fromId']}") @Nullable Long fromId,
			@Value("#{stepExecutionContext['toId']}") @Nullable Long toId, GenerationProperties properties) {
		return entryReader("pendingEntryReader", jdbc, batchId,
				"e.status = 'PENDING'" + IdRangePartitioner.condition("e.id", fromId, toId), properties);
	}

	@Bean
	@StepScope
	KeysetPagingItemReader<BatchEntry> selectedEntryReader(JdbcClient jdbc,
			@Value("#{jobParameters['batchId']}") Long batchId,
			@Value("#{stepExecutionContext['fromId']}") @Nullable Long fromId,
			@Value("#{stepExecutionContext['toId']}") @Nullable Long toId, GenerationProperties properties) {
		// The final check reads the entries the user confirmed that it has not passed
		// yet (a cancel sends the passed ones back), so it starts over from them.
		KeysetPagingItemReader<BatchEntry> reader = entryReader("selectedEntryReader", jdbc, batchId,
				"e.status = 'VALID' AND e.selected" + IdRangePartitioner.condition("e.id", fromId, toId), properties);
		reader.setSaveState(false);
		return reader;
	}

	@Bean
	@StepScope
	KeysetPagingItemReader<Long> creatableEntryReader(JdbcClient jdbc,
			@Value("#{jobParameters['batchId']}") Long batchId,
			@Value("#{stepExecutionContext['fromId']}") @Nullable Long fromId,
			@Value("#{stepExecutionContext['toId']}") @Nullable Long toId, GenerationProperties properties) {
		// The confirmed entries are the work left: a chunk that found the batch no longer
		// creating wrote nothing, so a saved position could run ahead of the bookings.
		// Their ids are enough: the writer books them from their rows in the database.
		KeysetPagingItemReader<Long> reader = entryReader("creatableEntryReader", jdbc, batchId, "e.id",
				"e.status = 'CONFIRMED'" + IdRangePartitioner.condition("e.id", fromId, toId),
				(rs, row) -> rs.getLong(1), properties);
		reader.setSaveState(false);
		return reader;
	}

	@Bean
	@StepScope
	KeysetPagingItemReader<BatchEntry> staleEntryReader(JdbcClient jdbc,
			@Value("#{jobParameters['batchId']}") Long batchId, GenerationProperties properties) {
		// One equality on the stale index keeps the pages in index order: no sort of the
		// whole batch per page.
		return entryReader("staleEntryReader", jdbc, batchId, "e.stale = TRUE", properties);
	}

	private static KeysetPagingItemReader<BatchEntry> entryReader(String name, JdbcClient jdbc, long batchId,
			String condition, GenerationProperties properties) {
		return entryReader(name, jdbc, batchId, EntryRepository.STEP_COLUMNS, condition,
				EntryRepository::mapStepColumns, properties);
	}

	/** Pages through the batch's entries that meet the condition, by id. */
	private static <T> KeysetPagingItemReader<T> entryReader(String name, JdbcClient jdbc, long batchId, String columns,
			String condition, RowMapper<T> mapper, GenerationProperties properties) {
		return new KeysetPagingItemReader<>(name, jdbc, columns, "batch_entry e",
				"e.batch_id = :batchId AND " + condition, Map.of("batchId", batchId), properties.chunkSize(), mapper);
	}

	@Bean
	@StepScope
	OccurrenceProcessor occurrenceProcessor(@Value("#{jobParameters['batchId']}") Long batchId, BatchRepository batches,
			ZoneId zone) {
		BookingBatch batch = batches.find(batchId).orElseThrow();
		return new OccurrenceProcessor(batch.from(), batch.to(), zone);
	}

	@Bean
	@StepScope
	BuildEntriesWriter buildEntriesWriter(@Value("#{jobParameters['batchId']}") Long batchId,
			@Value("#{stepExecutionContext['shard']}") @Nullable Integer shard, BatchRepository batches,
			JdbcClient jdbc, EntryRepository entries, BookingStatusPolicy statuses, Clock clock) {
		BookingBatch batch = batches.find(batchId).orElseThrow();
		return new BuildEntriesWriter(batchId, shard(shard), batch.from(), batch.to(), jdbc, entries, batches, statuses,
				clock);
	}

	@Bean
	@StepScope
	RefreshEntriesWriter refreshEntriesWriter(@Value("#{jobParameters['batchId']}") Long batchId,
			BatchRepository batches, JdbcClient jdbc, EntryRepository entries, BookingStatusPolicy statuses,
			Clock clock) {
		BookingBatch batch = batches.find(batchId).orElseThrow();
		return new RefreshEntriesWriter(batchId, batch.from(), batch.to(), jdbc, entries, statuses, batches, clock);
	}

	/** Validates a chunk of entries under review and writes the outcome. */
	@Bean
	@StepScope
	ItemWriter<BatchEntry> validateEntriesWriter(@Value("#{jobParameters['batchId']}") Long batchId,
			@Value("#{stepExecutionContext['shard']}") @Nullable Integer shard, EntryValidator validator) {
		return (chunk) -> validator.validate(batchId, shard(shard), chunk.getItems());
	}

	/**
	 * The final check of a chunk of the entries the user confirmed: those that pass
	 * become CONFIRMED, those that fail INVALID, counted as rejected.
	 */
	@Bean
	@StepScope
	ItemWriter<BatchEntry> confirmEntriesWriter(@Value("#{jobParameters['batchId']}") Long batchId,
			@Value("#{stepExecutionContext['shard']}") @Nullable Integer shard, EntryValidator validator) {
		return (chunk) -> validator.confirmCheck(batchId, shard(shard), chunk.getItems());
	}

	@Bean
	@StepScope
	CreateBookingsWriter createBookingsWriter(@Value("#{jobParameters['batchId']}") Long batchId,
			@Value("#{stepExecutionContext['shard']}") @Nullable Integer shard, BatchRepository batches,
			JdbcClient jdbc, BookingStatusPolicy statuses, Clock clock) {
		BookingBatch batch = batches.find(batchId).orElseThrow();
		return new CreateBookingsWriter(batchId, shard(shard), batch.provisional(), batch.createdBy(), jdbc, batches,
				statuses, clock, CreateBookingsWriter.consecutiveIds(jdbc));
	}

	/** The partition's count shard; 0 (the batch row) outside a partitioned step. */
	private static int shard(@Nullable Integer shard) {
		return (shard != null) ? shard : 0;
	}

	static Set<java.time.DayOfWeek> days(int mask) {
		Set<java.time.DayOfWeek> days = EnumSet.noneOf(java.time.DayOfWeek.class);
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			if ((mask & (1 << (day.getValue() - 1))) != 0) {
				days.add(day);
			}
		}
		return days;
	}

	static Set<Integer> weeks(int mask) {
		return Arrays.stream(new int[] { 1, 2, 3, 4 })
			.filter((week) -> (mask & (1 << (week - 1))) != 0)
			.boxed()
			.collect(Collectors.toSet());
	}

}
