package org.bookingbatch.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users of the application ({@code booking.security.users}). Passwords are stored hashed,
 * with the encoder's id in front ({@code {bcrypt}$2a$10$...}). Roles are the permissions
 * of the API: ADMIN, GENERATE_BOOKINGS, CONFIRM_BOOKINGS, VIEW_BOOKINGS; ADMIN includes
 * all the others.
 *
 * @param users the configured users; none means demo users with the embedded database,
 * and refusal to start with an external one
 */
@ConfigurationProperties("booking.security")
record SecurityProperties(@DefaultValue List<User> users) {

	record User(String name, String password, List<String> roles) {
	}

}
