package org.bookingbatch.generation;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor the batch jobs run on, apart from the HTTP threads, and the launch lock of
 * the scheduled run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GenerationConfiguration {

	@Bean
	ThreadPoolTaskExecutor batchJobExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("batch-job-");
		executor.setCorePoolSize(4);
		executor.setMaxPoolSize(4);
		executor.setQueueCapacity(1000);
		// On shutdown BatchShutdown first asks the running jobs to stop at their next
		// chunk boundary; the executor then waits for them to get there.
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(30);
		return executor;
	}

	/**
	 * ShedLock on the {@code shedlock} table, with the database's clock so that nodes
	 * whose clocks disagree still agree on the lock.
	 */
	@Bean
	LockProvider scheduleLockProvider(DataSource dataSource, NodeIdentity node) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.withLockedByValue(node.id())
			.usingDbTime()
			.build());
	}

	@Bean
	LockingTaskExecutor scheduleLockingTaskExecutor(LockProvider scheduleLockProvider) {
		return new DefaultLockingTaskExecutor(scheduleLockProvider);
	}

}
