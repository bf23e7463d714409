package org.bookingbatch.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says how to configure users when the application refuses to start without any.
 */
class NoUsersConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoUsersConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoUsersConfiguredException cause) {
		return new FailureAnalysis(cause.getMessage(), """
				Add users to config/application.yml, for example:

				  booking:
				    security:
				      users:
				        - name: alice
				          password: "{bcrypt}$2a$10$..."   # a BCrypt hash of the password
				          roles: [ADMIN]

				Roles: ADMIN, GENERATE_BOOKINGS, CONFIRM_BOOKINGS, VIEW_BOOKINGS. A hash can be made with
				  htpasswd -bnBC 10 "" 'the-password' | tr -d ':\\n' | sed 's/$2y/$2a/'
				""", cause);
	}

}
