package org.bookingbatch.platform;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic for the API and the actuator, form login for the admin pages. Permissions
 * are authorities named after {@link Permission}; an ADMIN holds all of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final String VIEW = Permission.VIEW_BOOKINGS.name();

	private static final String GENERATE = Permission.GENERATE_BOOKINGS.name();

	private static final String CONFIRM = Permission.CONFIRM_BOOKINGS.name();

	private static final String ADMIN = Permission.ADMIN.name();

	/**
	 * Demo users of the zero-setup embedded database; each one's password is its name.
	 */
	static final List<SecurityProperties.User> DEMO_USERS = List.of(
			new SecurityProperties.User("admin", "admin", List.of(ADMIN)),
			new SecurityProperties.User("coordinator", "coordinator", List.of(GENERATE, CONFIRM, VIEW)),
			new SecurityProperties.User("planner", "planner", List.of(GENERATE, VIEW)),
			new SecurityProperties.User("viewer", "viewer", List.of(VIEW)));

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasAuthority(ADMIN)
				.requestMatchers("/api/webhooks/**")
				.hasAuthority(ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/booking-batches/*/confirm",
						"/api/booking-batches/*/force-complete")
				.hasAuthority(CONFIRM)
				.requestMatchers(HttpMethod.GET, "/api/booking-batches/preview")
				.hasAuthority(GENERATE)
				.requestMatchers(HttpMethod.GET, "/api/booking-batches/**", "/api/bookings/**",
						"/api/booking-status-model")
				.hasAuthority(VIEW)
				.requestMatchers("/api/booking-batches/**")
				.hasAuthority(GENERATE)
				.requestMatchers(HttpMethod.POST, "/api/bookings/*/transitions/**")
				.authenticated()
				.requestMatchers("/api/bookings/**")
				.hasAuthority(GENERATE)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAuthority(VIEW)
				.anyRequest()
				.hasAuthority(ADMIN))
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> problem(response, 401,
					"Unauthorized", "Authentication is required: send HTTP Basic credentials")))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, "Unauthorized",
						"Authentication is required: send HTTP Basic credentials"))
				.accessDeniedHandler((request, response, ex) -> problem(response, 403, "Forbidden",
						"Your user does not have the permission for this operation")))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/login", "/error", "/css/**", "/js/**", "/favicon.ico")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/admin/batches/*/confirm", "/admin/batches/*/force-complete")
					.hasAuthority(CONFIRM)
					.requestMatchers(HttpMethod.POST, "/admin/**")
					.hasAuthority(GENERATE)
					.requestMatchers("/admin/batches/new", "/admin/batches/new/**")
					.hasAuthority(GENERATE)
					.requestMatchers("/admin/**")
					.hasAuthority(VIEW)
					.anyRequest()
					.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/admin/batches", false))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/**
	 * The hashes' own encoders, remembering a matched password for ten minutes: HTTP
	 * Basic sends the password with every request.
	 */
	@Bean
	PasswordEncoder passwordEncoder(Clock clock) {
		return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				Duration.ofMinutes(10), clock);
	}

	@Bean
	UserDetailsService userDetailsService(SecurityProperties properties, ObjectProvider<EmbeddedMariaDb> embedded,
			PasswordEncoder encoder) {
		List<UserDetails> users = new ArrayList<>();
		if (!properties.users().isEmpty()) {
			for (SecurityProperties.User user : properties.users()) {
				users.add(configuredUser(user));
			}
		}
		else if (embedded.getIfAvailable() != null) {
			// The cost is lowered for the well-known demo passwords only; configured
			// users bring their own hash.
			BCryptPasswordEncoder demoEncoder = new BCryptPasswordEncoder(4);
			for (SecurityProperties.User user : DEMO_USERS) {
				users.add(userDetails(user.name(), "{bcrypt}" + demoEncoder.encode(user.password()), user.roles()));
			}
			log.info("Demo users: admin/admin, coordinator/coordinator, planner/planner, viewer/viewer");
		}
		else {
			throw new NoUsersConfiguredException("No users are configured and an external database is in use, so"
					+ " there are no demo users. Configure booking.security.users in config/application.yml.");
		}
		// Only the look-up: a UserDetailsPasswordService would have every hash re-encoded
		// at the default cost on the first login, and every check of a password not
		// remembered would then pay that cost (a tenth of a second for the demo users).
		UserDetailsService manager = new InMemoryUserDetailsManager(users);
		return manager::loadUserByUsername;
	}

	private static UserDetails configuredUser(SecurityProperties.User user) {
		if (user.name() == null || user.name().isBlank()) {
			throw new IllegalStateException("booking.security.users: every user needs a name");
		}
		if (user.password() == null || !user.password()
			.matches("^\\{(bcrypt|argon2@SpringSecurity_v5_8|"
					+ "argon2|pbkdf2@SpringSecurity_v5_8|pbkdf2|scrypt@SpringSecurity_v5_8|scrypt)}.+")) {
			throw new IllegalStateException("booking.security.users: the password of user '" + user.name()
					+ "' must be a hash with its encoder id in front, for example {bcrypt}$2a$10$...");
		}
		return userDetails(user.name(), user.password(), user.roles());
	}

	private static UserDetails userDetails(String name, String passwordHash, List<String> roles) {
		Set<String> authorities = new java.util.TreeSet<>();
		for (String role : roles) {
			Permission permission;
			try {
				permission = Permission.valueOf(role);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("booking.security.users: user '" + name + "' has unknown role '" + role
						+ "'; use ADMIN, GENERATE_BOOKINGS, CONFIRM_BOOKINGS or VIEW_BOOKINGS");
			}
			permission.implied().forEach((p) -> authorities.add(p.name()));
		}
		return User.withUsername(name)
			.password(passwordHash)
			.authorities(authorities.stream().map(SimpleGrantedAuthority::new).toList())
			.build();
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Booking Batch\"");
		}
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
