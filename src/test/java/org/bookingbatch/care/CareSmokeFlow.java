package org.bookingbatch.care;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.care.CareApi.json;

/**
 * The reference data of the care model end to end over HTTP: creates a team, a client
 * with a service contract and a suspension, a carer with availability and an absence, and
 * a schedule entry; reads each back; updates them; deletes the availability and the
 * absence. It needs only a running application and an ADMIN user, so the same flow runs
 * against the embedded database and against MySQL. Names carry a unique suffix, so it
 * also runs on a database that holds data already.
 */
public final class CareSmokeFlow {

	private final CareApi api;

	/**
	 * @param baseUrl the application's root, e.g. {@code http://localhost:8080}
	 * @param username a user with the ADMIN permission
	 * @param password the user's password
	 */
	public CareSmokeFlow(String baseUrl, String username, String password) {
		this.api = new CareApi(baseUrl, username, password);
	}

	/**
	 * Runs the flow, asserting every answer.
	 * @return the ids of what the flow created
	 */
	public Result run() {
		String suffix = Long.toString(System.nanoTime(), 36);

		// Team
		CareApi.Response team = created("/api/teams", json("name", "Smoke " + suffix));
		long teamId = team.id();
		assertThat(team.json().get("name").asString()).isEqualTo("Smoke " + suffix);
		assertThat(read(team).json()).isEqualTo(team.json());
		assertThat(ids(this.api.get("/api/teams?size=500"))).contains(teamId);

		// Client, contract, suspension
		CareApi.Response client = created("/api/clients",
				json("name", "Bob Cox " + suffix, "teamIds", List.of(teamId)));
		long clientId = client.id();
		assertThat(client.json().get("teamIds").get(0).longValue()).isEqualTo(teamId);
		assertThat(client.json().get("active").asBoolean()).isTrue();
		assertThat(client.json().get("hasAddress").asBoolean()).isTrue();
		assertThat(client.json().get("version").longValue()).isZero();
		assertThat(read(client).json()).isEqualTo(client.json());
		assertThat(ids(this.api.get("/api/clients?teamId=" + teamId))).containsExactly(clientId);

		CareApi.Response contract = created("/api/clients/" + clientId + "/service-contracts",
				json("serviceType", "Personal care", "startDate", "2026-04-01"));
		long contractId = contract.id();
		assertThat(contract.json().get("clientId").longValue()).isEqualTo(clientId);
		assertThat(contract.json().get("finishDate").isNull()).isTrue();
		assertThat(read(contract).json()).isEqualTo(contract.json());
		assertThat(ids(this.api.get("/api/clients/" + clientId + "/service-contracts"))).containsExactly(contractId);

		CareApi.Response suspension = created("/api/clients/" + clientId + "/suspensions",
				json("startsAt", "2026-04-20T09:00:00Z", "reason", "Hospital stay"));
		long suspensionId = suspension.id();
		assertThat(suspension.json().get("startsAt").asString()).isEqualTo("2026-04-20T09:00:00Z");
		assertThat(suspension.json().get("finishesAt").isNull()).isTrue();
		assertThat(read(suspension).json()).isEqualTo(suspension.json());
		assertThat(ids(this.api.get("/api/clients/" + clientId + "/suspensions"))).containsExactly(suspensionId);

		// Carer, availability, absence
		CareApi.Response carer = created("/api/carers",
				json("name", "Ann Lee " + suffix, "teamIds", List.of(teamId), "employmentStart", "2025-01-06"));
		long carerId = carer.id();
		assertThat(carer.json().get("employmentStart").asString()).isEqualTo("2025-01-06");
		assertThat(carer.json().get("employmentFinish").isNull()).isTrue();
		assertThat(read(carer).json()).isEqualTo(carer.json());
		assertThat(ids(this.api.get("/api/carers?teamId=" + teamId))).containsExactly(carerId);

		CareApi.Response availability = created("/api/carers/" + carerId + "/availability",
				json("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "17:30"));
		assertThat(availability.json().get("carerId").longValue()).isEqualTo(carerId);
		assertThat(availability.json().get("startTime").asString()).isEqualTo("08:00");
		assertThat(availability.json().get("endTime").asString()).isEqualTo("17:30");
		assertThat(read(availability).json()).isEqualTo(availability.json());
		assertThat(ids(this.api.get("/api/carers/" + carerId + "/availability"))).containsExactly(availability.id());

		CareApi.Response absence = created("/api/carers/" + carerId + "/absences",
				json("startsAt", "2026-04-14T00:00:00Z", "endsAt", "2026-04-16T00:00:00Z", "reason", "Holiday"));
		assertThat(absence.json().get("endsAt").asString()).isEqualTo("2026-04-16T00:00:00Z");
		assertThat(read(absence).json()).isEqualTo(absence.json());
		assertThat(ids(this.api.get("/api/carers/" + carerId + "/absences"))).containsExactly(absence.id());

		// Schedule entry
		CareApi.Response entry = created("/api/schedule-entries",
				json("clientId", clientId, "teamId", teamId, "daysOfWeek", List.of("WEDNESDAY", "MONDAY"), "startTime",
						"08:00", "durationMinutes", 30, "carerIds", List.of(carerId), "serviceContractId", contractId,
						"validFrom", "2026-04-01"));
		long entryId = entry.id();
		JsonNode created = entry.json();
		assertThat(created.get("daysOfWeek").toString()).isEqualTo("[\"MONDAY\",\"WEDNESDAY\"]");
		assertThat(created.get("startTime").asString()).isEqualTo("08:00");
		assertThat(created.get("cycleWeeks").intValue()).isEqualTo(1);
		assertThat(created.get("cycleStart").asString()).isEqualTo("2026-03-30");
		assertThat(created.get("weeks").toString()).isEqualTo("[1]");
		assertThat(created.get("carersRequired").intValue()).isEqualTo(1);
		assertThat(created.get("carerIds").toString()).isEqualTo("[" + carerId + "]");
		assertThat(created.get("serviceContractId").longValue()).isEqualTo(contractId);
		assertThat(created.get("validTo").isNull()).isTrue();
		assertThat(created.get("version").longValue()).isZero();
		assertThat(read(entry).json()).isEqualTo(created);
		assertThat(ids(this.api.get("/api/schedule-entries?clientId=" + clientId + "&teamId=" + teamId)))
			.containsExactly(entryId);

		// Updates
		CareApi.Response clientUpdated = ok(this.api.put("/api/clients/" + clientId,
				json("name", "Robert Cox " + suffix, "teamIds", List.of(teamId), "hasAddress", false, "version", 0)));
		assertThat(clientUpdated.json().get("name").asString()).isEqualTo("Robert Cox " + suffix);
		assertThat(clientUpdated.json().get("hasAddress").asBoolean()).isFalse();
		assertThat(clientUpdated.json().get("version").longValue()).isEqualTo(1);

		CareApi.Response carerUpdated = ok(this.api.put("/api/carers/" + carerId, json("name", "Ann Lee " + suffix,
				"teamIds", List.of(teamId), "employmentStart", "2025-01-06", "employmentFinish", "2026-12-31")));
		assertThat(carerUpdated.json().get("employmentFinish").asString()).isEqualTo("2026-12-31");
		assertThat(carerUpdated.json().get("version").longValue()).isEqualTo(1);

		CareApi.Response contractUpdated = ok(this.api.put("/api/service-contracts/" + contractId,
				json("serviceType", "Personal care", "startDate", "2026-04-01", "finishDate", "2026-09-30")));
		assertThat(contractUpdated.json().get("finishDate").asString()).isEqualTo("2026-09-30");

		CareApi.Response suspensionUpdated = ok(this.api.put("/api/suspensions/" + suspensionId,
				json("startsAt", "2026-04-20T09:00:00Z", "finishesAt", "2026-04-27T17:00:00Z", "reason", "Hospital")));
		assertThat(suspensionUpdated.json().get("finishesAt").asString()).isEqualTo("2026-04-27T17:00:00Z");

		CareApi.Response entryUpdated = ok(this.api.put("/api/schedule-entries/" + entryId,
				json("clientId", clientId, "teamId", teamId, "daysOfWeek", List.of("TUESDAY"), "startTime", "18:15",
						"durationMinutes", 45, "cycleWeeks", 2, "cycleStart", "2026-03-30", "weeks", List.of(2),
						"carersRequired", 2, "carerIds", List.of(carerId), "validFrom", "2026-04-01", "validTo",
						"2026-12-31", "version", 0)));
		JsonNode updated = entryUpdated.json();
		assertThat(updated.get("daysOfWeek").toString()).isEqualTo("[\"TUESDAY\"]");
		assertThat(updated.get("startTime").asString()).isEqualTo("18:15");
		assertThat(updated.get("weeks").toString()).isEqualTo("[2]");
		assertThat(updated.get("carersRequired").intValue()).isEqualTo(2);
		assertThat(updated.get("serviceContractId").isNull()).isTrue();
		assertThat(updated.get("validTo").asString()).isEqualTo("2026-12-31");
		assertThat(updated.get("version").longValue()).isEqualTo(1);
		assertThat(this.api.get("/api/schedule-entries/" + entryId).json()).isEqualTo(updated);

		// Deletes
		assertThat(this.api.delete("/api/carer-availability/" + availability.id()).status()).isEqualTo(204);
		assertThat(this.api.delete("/api/carer-absences/" + absence.id()).status()).isEqualTo(204);
		assertThat(ids(this.api.get("/api/carers/" + carerId + "/availability"))).isEmpty();
		assertThat(ids(this.api.get("/api/carers/" + carerId + "/absences"))).isEmpty();
		assertThat(this.api.get("/api/carer-availability/" + availability.id()).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/carer-absences/" + absence.id()).status()).isEqualTo(404);

		return new Result(teamId, clientId, contractId, suspensionId, carerId, entryId);
	}

	private CareApi.Response created(String path, Map<String, Object> body) {
		CareApi.Response response = this.api.post(path, body);
		assertThat(response.status()).as("POST %s: %s", path, response).isEqualTo(201);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.locationPath()).as("Location of POST %s", path).isPresent();
		return response;
	}

	private CareApi.Response read(CareApi.Response created) {
		String path = created.locationPath().orElseThrow();
		assertThat(path).endsWith("/" + created.id());
		return ok(this.api.get(path));
	}

	private static CareApi.Response ok(CareApi.Response response) {
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response;
	}

	private static List<Long> ids(CareApi.Response page) {
		ok(page);
		assertThat(page.json().has("totalElements")).isTrue();
		return page.json().get("content").valueStream().map((item) -> item.get("id").longValue()).toList();
	}

	/** What the flow created. */
	public record Result(long teamId, long clientId, long serviceContractId, long suspensionId, long carerId,
			long scheduleEntryId) {
	}

}
