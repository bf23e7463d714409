package org.bookingbatch.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the embedded MariaDB server and points the data source at it, unless
 * {@code spring.datasource.url} names another database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	@Bean
	EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
		return EmbeddedMariaDb.start(Path.of(properties.dataDir()), properties.port(), properties.fresh(),
				properties.serverArgs());
	}

	@Bean
	JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedMariaDb server) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "root";
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return server.jdbcUrl();
			}

		};
	}

	static class NoDataSourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}

	}

}
