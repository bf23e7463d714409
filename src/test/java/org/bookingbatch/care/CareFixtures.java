package org.bookingbatch.care;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.care.CareApi.json;

/**
 * Creates care-model data through the API, failing the test at once if the API refuses.
 */
final class CareFixtures {

	private final CareApi api;

	CareFixtures(CareApi api) {
		this.api = api;
	}

	long team(String name) {
		return created("/api/teams", json("name", name));
	}

	long client(String name, Long... teamIds) {
		return created("/api/clients", json("name", name, "teamIds", List.of(teamIds)));
	}

	long carer(String name, Long... teamIds) {
		return created("/api/carers", json("name", name, "teamIds", List.of(teamIds)));
	}

	long contract(long clientId) {
		return created("/api/clients/" + clientId + "/service-contracts",
				json("serviceType", "Personal care", "startDate", "2026-04-01"));
	}

	long suspension(long clientId) {
		return created("/api/clients/" + clientId + "/suspensions",
				json("startsAt", "2026-04-20T09:00:00Z", "reason", "Hospital stay"));
	}

	long availability(long carerId) {
		return created("/api/carers/" + carerId + "/availability",
				json("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "12:00"));
	}

	long absence(long carerId) {
		return created("/api/carers/" + carerId + "/absences",
				json("startsAt", "2026-04-14T00:00:00Z", "endsAt", "2026-04-15T00:00:00Z", "reason", "Holiday"));
	}

	/** A valid weekly entry body: Mondays 08:00 for 30 minutes from 2026-04-01. */
	static Map<String, Object> entryBody(long clientId, long teamId) {
		return json("clientId", clientId, "teamId", teamId, "daysOfWeek", List.of("MONDAY"), "startTime", "08:00",
				"durationMinutes", 30, "validFrom", "2026-04-01");
	}

	long entry(Map<String, Object> body) {
		return created("/api/schedule-entries", body);
	}

	private long created(String path, Map<String, Object> body) {
		CareApi.Response response = this.api.post(path, body);
		assertThat(response.status()).as("POST %s: %s", path, response).isEqualTo(201);
		return response.id();
	}

}
