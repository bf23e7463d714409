package org.bookingbatch.platform;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import org.bookingbatch.BookingBatchApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With spring.datasource.url set, that database is used, no embedded server starts, and
 * users must be configured.
 */
class ExternalDatabaseIntegrationTests {

	private final String url = EmbeddedMariaDb.start(Path.of("target", "test-db"), 0, true)
		.createDatabase("external_database_test");

	@Test
	void refusesToStartWithoutConfiguredUsersAndSaysHow() {
		// when / then
		assertThatThrownBy(() -> application().run()).hasRootCauseInstanceOf(NoUsersConfiguredException.class)
			.rootCause()
			.hasMessageContaining("booking.security.users");
		assertThat(new NoUsersConfiguredFailureAnalyzer()
			.analyze(new NoUsersConfiguredException("No users are configured"))
			.getAction()).contains("booking:", "security:", "users:", "{bcrypt}");
	}

	@Test
	void refusesAPasswordThatIsNotHashed() {
		// when / then
		assertThatThrownBy(() -> application()
			.properties("booking.security.users[0].name=alice", "booking.security.users[0].password=plain",
					"booking.security.users[0].roles[0]=ADMIN")
			.run()).rootCause().hasMessageContaining("must be a hash");
	}

	@Test
	void usesTheConfiguredDatabaseWithoutAnEmbeddedServer() {
		// when
		try (ConfigurableApplicationContext context = application()
			.properties("booking.security.users[0].name=alice",
					"booking.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder(4).encode("secret"),
					"booking.security.users[0].roles[0]=VIEW_BOOKINGS")
			.run()) {
			// then
			assertThat(context.getBeanProvider(EmbeddedMariaDb.class).getIfAvailable()).isNull();
			String database = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
				.queryForObject("SELECT DATABASE()", String.class);
			assertThat(database).isEqualTo("external_database_test");
			assertThat(context.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
				.loadUserByUsername("alice")
				.getAuthorities()).extracting(Object::toString).containsExactly("VIEW_BOOKINGS");
		}
	}

	private SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(BookingBatchApplication.class).properties("server.port=0",
				"spring.datasource.url=" + this.url, "spring.datasource.username=root", "spring.datasource.password=",
				"booking.generation.watchdog-interval=PT1H");
	}

}
