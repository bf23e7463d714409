package org.bookingbatch.platform;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connection settings the application relies on, whatever the database: instants are read
 * and written in UTC, multi-row inserts are rewritten into one statement, and bulk loads
 * may use LOAD DATA LOCAL INFILE.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceSettings {

	@Bean
	static BeanPostProcessor connectorJSettings() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari) {
					hikari.addDataSourceProperty("connectionTimeZone", "UTC");
					hikari.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
					hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
					hikari.addDataSourceProperty("allowLoadLocalInfile", "true");
					hikari.addDataSourceProperty("cachePrepStmts", "true");
					hikari.addDataSourceProperty("useLocalSessionState", "true");
				}
				return bean;
			}

		};
	}

}
