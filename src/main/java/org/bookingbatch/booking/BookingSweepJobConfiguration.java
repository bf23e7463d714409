package org.bookingbatch.booking;

import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Map;

/**
 * The sweep job: reads the bookings whose timeout is due in chunks and fires their
 * timeout transitions (a hold aborted after its inactivity period, a provisional booking
 * lapsed at its start). One job instance per sweep; its identifying parameter is the
 * moment the sweep is for.
 */
@Configuration(proxyBeanMethods = false)
class BookingSweepJobConfiguration {

	static final String JOB = "bookingSweepJob";

	static final String STEP = "sweepBookingsStep";

	/** The step execution context key counting the timeouts fired. */
	static final String FIRED = "fired";

	@Bean
	Job bookingSweepJob(JobRepository jobRepository, Step sweepBookingsStep) {
		return new JobBuilder(JOB, jobRepository).start(sweepBookingsStep).build();
	}

	@Bean
	Step sweepBookingsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			LifecycleProperties properties, JdbcPagingItemReader<DueBooking> dueBookingReader,
			SweepWriter sweepWriter) {
		// A booking that a user changes at the same moment may deadlock with the sweep's
		// row lock; the chunk is then tried again.
		return new StepBuilder(STEP, jobRepository).<DueBooking, DueBooking>chunk(properties.sweep().chunkSize())
			.transactionManager(transactionManager)
			.reader(dueBookingReader)
			.writer(sweepWriter)
			.listener((StepExecutionListener) sweepWriter)
			.faultTolerant()
			.retry(TransientDataAccessException.class)
			.retryLimit(3)
			.build();
	}

	/**
	 * Keyset paging on the id: fired bookings leave the condition, and the next page
	 * starts after the last id read, so none is skipped.
	 */
	@Bean
	@StepScope
	JdbcPagingItemReader<DueBooking> dueBookingReader(DataSource dataSource, TimeoutConditions timeouts,
			LifecycleProperties properties, @Value("#{jobParameters['sweepAt']}") Long sweepAt) throws Exception {
		TimeoutConditions.Condition due = timeouts.due(Instant.ofEpochMilli(sweepAt), "due");
		return new JdbcPagingItemReaderBuilder<DueBooking>().name("dueBookingReader")
			.dataSource(dataSource)
			.selectClause("b.id, b.status")
			.fromClause("booking b")
			.whereClause(due.sql())
			.sortKeys(Map.of("id", Order.ASCENDING))
			.parameterValues(due.params())
			.pageSize(properties.sweep().chunkSize())
			.rowMapper((rs, row) -> new DueBooking(rs.getLong("id"), rs.getString("status")))
			.build();
	}

	@Bean
	@StepScope
	SweepWriter sweepWriter(BookingLifecycle lifecycle, @Value("#{jobParameters['sweepAt']}") Long sweepAt) {
		return new SweepWriter(lifecycle, Instant.ofEpochMilli(sweepAt));
	}

	/** A booking whose timeout was due when the sweep read it. */
	record DueBooking(long id, String status) {
	}

	/**
	 * Fires each due booking's timeout under the booking's row lock; one that changed
	 * since it was read is left alone.
	 */
	static class SweepWriter implements ItemWriter<DueBooking>, StepExecutionListener {

		private final BookingLifecycle lifecycle;

		private final Instant sweepAt;

		private StepExecution stepExecution;

		SweepWriter(BookingLifecycle lifecycle, Instant sweepAt) {
			this.lifecycle = lifecycle;
			this.sweepAt = sweepAt;
		}

		@Override
		public void beforeStep(StepExecution stepExecution) {
			this.stepExecution = stepExecution;
		}

		@Override
		public void write(Chunk<? extends DueBooking> chunk) {
			long fired = 0;
			for (DueBooking booking : chunk) {
				if (this.lifecycle.fireTimeout(booking.id(), this.sweepAt)) {
					fired++;
				}
			}
			this.stepExecution.getExecutionContext()
				.putLong(FIRED, this.stepExecution.getExecutionContext().getLong(FIRED, 0L) + fired);
		}

	}

}
