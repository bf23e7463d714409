package org.bookingbatch.platform;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connection settings the application relies on, whatever the database: instants are read
 * and written in UTC, multi-row inserts are rewritten into one statement, and bulk loads
 * may use LOAD DATA LOCAL INFILE.
 * <p>
 * Statements are prepared on the server and kept prepared per connection: the batch steps
 * run the same few statements thousands of times, many with an id list of a whole chunk.
 * The server then parses each once per connection rather than on every call, and rows
 * come back in the binary protocol, which the driver decodes with less work than text.
 * The cache holds statements up to 32k characters, so that those with a chunk's id list
 * stay prepared, and 100 of them per connection, which bounds the memory their parameter
 * slots take (a chunk's id list is a thousand of them). A server that refuses to prepare
 * more (max_prepared_stmt_count) gets the statement as text instead: the driver falls
 * back by itself.
 * <p>
 * A read-only transaction stays a promise of the application: the driver does not pass it
 * on to the server, which would cost two more round trips per transaction (READ ONLY
 * before, READ WRITE after), and the API's reads are read-only transactions.
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
					hikari.addDataSourceProperty("useServerPrepStmts", "true");
					hikari.addDataSourceProperty("readOnlyPropagatesToServer", "false");
					hikari.addDataSourceProperty("prepStmtCacheSize", "100");
					hikari.addDataSourceProperty("prepStmtCacheSqlLimit", "32768");
				}
				return bean;
			}

		};
	}

}
