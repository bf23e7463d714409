package org.bookingbatch.platform;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the user, once the application is ready, where to go and how to log in: the first
 * thing someone who just ran it needs.
 */
@Component
class StartupMessage implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

	private final ObjectProvider<EmbeddedMariaDb> embeddedDatabase;

	private final SecurityProperties security;

	private final Environment environment;

	StartupMessage(ObjectProvider<EmbeddedMariaDb> embeddedDatabase, SecurityProperties security,
			Environment environment) {
		this.embeddedDatabase = embeddedDatabase;
		this.security = security;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext context)) {
			return;
		}
		WebServer server = context.getWebServer();
		if (server == null || server.getPort() <= 0) {
			return;
		}
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		log.info(message(server.getPort(), contextPath, this.embeddedDatabase.getIfAvailable(),
				this.security.users().isEmpty()));
	}

	static String message(int port, String contextPath, @Nullable EmbeddedMariaDb embedded, boolean demoUsers) {
		String base = "http://localhost:" + port
				+ (contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath);
		StringBuilder message = new StringBuilder("Booking Batch is ready").append(System.lineSeparator())
			.append("  Admin pages: ")
			.append(base)
			.append("/admin")
			.append(System.lineSeparator())
			.append("  API:         ")
			.append(base)
			.append("/api")
			.append(System.lineSeparator());
		if (embedded != null && demoUsers) {
			message.append(
					"  Log in as:   admin/admin, coordinator/coordinator, planner/planner or viewer/viewer (demo users)")
				.append(System.lineSeparator());
		}
		else {
			message.append("  Log in as:   a user of booking.security.users").append(System.lineSeparator());
		}
		if (embedded != null) {
			message.append("  Data:        embedded MariaDB on port ")
				.append(embedded.port())
				.append(", files in ")
				.append(embedded.dataDir());
		}
		else {
			message.append("  Data:        the database of spring.datasource.url");
		}
		return message.toString();
	}

}
