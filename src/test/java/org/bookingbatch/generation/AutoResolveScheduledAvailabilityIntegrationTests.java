package org.bookingbatch.generation;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-resolve when carers must be scheduled to work at their visits' times: a
 * replacement must be inside one of its weekly availability windows. The context is
 * closed afterwards, so that its jobs and watchdog validate nothing behind other tests'
 * backs with the setting on.
 */
@TestPropertySource(properties = "booking.validation.carer-must-be-scheduled-available=true")
@DirtiesContext
class AutoResolveScheduledAvailabilityIntegrationTests extends GenerationIntegrationTestSupport {

	@Test
	void autoResolvePassesOverAFreeTeamCarerWhoIsNotScheduledToWorkThen() {
		// given: Ann is on two overlapping Wednesday visits; Ben and Cal are free and
		// have no visits, but Ben works on Mondays only
		WednesdayClash clash = wednesdayClash();
		long ben = this.fixtures.carer("Ben Moss", clash.team());
		long cal = this.fixtures.carer("Cal Fry", clash.team());
		this.fixtures.availability(clash.ann(), DayOfWeek.WEDNESDAY, LocalTime.of(7, 0), LocalTime.of(12, 0));
		this.fixtures.availability(ben, DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(12, 0));
		this.fixtures.availability(cal, DayOfWeek.WEDNESDAY, LocalTime.of(7, 0), LocalTime.of(12, 0));
		long id = startValidated();
		assertThat(counts(id).get("invalid").asInt()).isEqualTo(2);
		// when
		TestHttp.Response resolved = this.http.post("planner",
				"/api/booking-batches/" + id + "/entries/auto-resolve-clashes", "");
		// then
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		JsonNode results = resolved.json().get("results");
		assertThat(results).hasSize(1);
		assertThat(results.get(0).get("outcome").asString()).isEqualTo("REPLACED");
		assertThat(results.get(0).get("fromCarerId").asLong()).isEqualTo(clash.ann());
		assertThat(results.get(0).get("toCarerId").asLong()).as("Ben, first in line, works on Mondays only")
			.isEqualTo(cal);
		JsonNode aliceEntry = entry(id, clash.aliceVisit(), clash.wednesday());
		assertThat(aliceEntry.get("carerIds").toString()).isEqualTo("[" + cal + "]");
		assertThat(aliceEntry.get("status").asString()).as(aliceEntry.toString()).isEqualTo("VALID");
		assertThat(entry(id, clash.bobVisit(), clash.wednesday()).get("status").asString()).isEqualTo("VALID");
		assertThat(counts(id).get("invalid").asInt()).isZero();
	}

}
