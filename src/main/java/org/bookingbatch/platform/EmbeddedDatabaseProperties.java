package org.bookingbatch.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded database, used when no {@code spring.datasource.url} is set.
 *
 * @param dataDir where the server keeps its files, relative to the working directory
 * @param port the port it listens on; 0 picks a free one
 * @param fresh wipe the data directory before starting (used by the test suite)
 * @param serverArgs further mysqld options, after the built-in ones (a later option
 * wins), for example {@code --innodb-buffer-pool-size=4G} or
 * {@code --performance-schema=ON}
 */
@ConfigurationProperties("booking.embedded-database")
record EmbeddedDatabaseProperties(@DefaultValue("data") String dataDir, @DefaultValue("3307") int port,
		@DefaultValue("false") boolean fresh, @DefaultValue List<String> serverArgs) {
}
