package org.bookingbatch.generation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop requested as the job saves its end (a cancel committed after that save has read
 * the execution and before it writes it) makes the save fail on the execution's version;
 * the execution must not stay running, so that the batch can go on.
 */
@Import(JobStopAsItEndsIntegrationTests.BeforeEndSaved.class)
class JobStopAsItEndsIntegrationTests extends GenerationIntegrationTestSupport {

	@Autowired
	BatchJobLauncher launcher;

	@AfterEach
	void noMoreHook() {
		BeforeEndSaved.hook.set(null);
	}

	@Test
	void aStopRequestedAsTheJobSavesItsEndLeavesNoExecutionRunning() {
		// given: the first job to save its end reads its execution, then a stop request
		// commits, then the save writes
		AtomicBoolean raced = new AtomicBoolean();
		BeforeEndSaved.hook.set((execution) -> {
			if (raced.compareAndSet(false, true)) {
				long batchId = execution.getJobParameters().getLong("batchId");
				this.jdbc.sql("SELECT VERSION FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = :id")
					.param("id", execution.getId())
					.query(Long.class)
					.single();
				CompletableFuture.runAsync(() -> this.launcher.stop(batchId)).join();
			}
		});
		northTeamWeek();
		// when
		long id = startValidated();
		awaitJobsSettled();
		// then
		assertThat(raced).isTrue();
		assertThat(this.launcher.lastExecution(id)).get()
			.extracting(JobExecution::getStatus)
			.isEqualTo(BatchStatus.STOPPED);
		assertThat(action("coordinator", id, "confirm").status()).isEqualTo(202);
		JsonNode completed = awaitSettled(id, "COMPLETED");
		assertThat(completed.get("counts").get("created").asInt()).isEqualTo(7);
	}

	/**
	 * Runs the hook when a job saves its end, in the save's transaction before the save:
	 * what the hook reads fixes the transaction's view of the execution, as a save that
	 * has read it.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class BeforeEndSaved {

		static final AtomicReference<Consumer<JobExecution>> hook = new AtomicReference<>();

		@Bean
		static BeanPostProcessor hookBeforeEndSaved(ObjectProvider<TransactionTemplate> transactions) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof JobRepository repository)) {
						return bean;
					}
					return Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
							new Class<?>[] { JobRepository.class }, (proxy, method, args) -> {
								Consumer<JobExecution> before = hook.get();
								if (before != null && method.getName().equals("update")
										&& args[0] instanceof JobExecution execution
										&& execution.getEndTime() != null) {
									return transactions.getObject().execute((status) -> {
										before.accept(execution);
										return invoke(method, repository, args);
									});
								}
								return invoke(method, repository, args);
							});
				}

			};
		}

		private static Object invoke(Method method, Object target, Object[] args) {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
						: new IllegalStateException(ex.getCause());
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
