package org.bookingbatch.care.demo;

import java.time.Clock;
import java.time.ZoneId;

import org.bookingbatch.platform.EmbeddedMariaDb;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo data generator, and its loader on the first start with the embedded database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoDataConfiguration {

	@Bean
	DemoDataGenerator demoDataGenerator(JdbcTemplate jdbc, ZoneId providerZone) {
		return new DemoDataGenerator(jdbc, providerZone);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "booking.demo-data.enabled", matchIfMissing = true)
	DemoDataLoader demoDataLoader(DemoDataGenerator generator, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, Clock clock, ZoneId providerZone,
			DemoDataProperties properties, ObjectProvider<EmbeddedMariaDb> embeddedDatabase) {
		return new DemoDataLoader(generator, jdbc, new TransactionTemplate(transactionManager), clock, providerZone,
				properties, embeddedDatabase.getIfAvailable() != null);
	}

}
