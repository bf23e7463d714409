package org.bookingbatch.care;

import java.util.Map;
import java.util.function.Supplier;

import org.bookingbatch.platform.MalformedRequests;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a request that must be refused with a 400 listing field errors, and checks that
 * it wrote nothing.
 */
final class Refusals {

	static final String[] CARE_TABLES = { "team", "client", "client_team", "carer", "carer_team", "carer_availability",
			"carer_absence", "service_contract", "suspension", "schedule_entry", "schedule_entry_carer" };

	private final Supplier<Object> state;

	Refusals(JdbcTemplate jdbc) {
		this.state = MalformedRequests.tableChecksums(jdbc, CARE_TABLES);
	}

	/**
	 * @return the field errors, field to message
	 */
	Map<String, String> fieldErrors(Supplier<CareApi.Response> request) {
		CareApi.Response response = refused(400, request);
		return response.fieldErrors();
	}

	CareApi.Response refused(int status, Supplier<CareApi.Response> request) {
		Object before = this.state.get();
		CareApi.Response response = request.get();
		assertThat(response.status()).as("%s", response).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(this.state.get()).as("a refused request must not write").isEqualTo(before);
		return response;
	}

}
