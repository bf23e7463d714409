package org.bookingbatch.booking;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/booking-status-model} answers the model in force.
 */
class StatusModelEndpointIntegrationTests extends LifecycleIntegrationTestSupport {

	@Autowired
	UnknownStatusWarning warning;

	@Test
	void theDefaultCareModelIsInForce() {
		// when
		Api.Response response = this.api.get("viewer", "/api/booking-status-model");
		// then
		assertThat(response.status()).isEqualTo(200);
		JsonNode model = response.json();
		assertThat(model.get("name").asString()).isEqualTo("care-visits");
		assertThat(model.get("source").asString()).isEqualTo("classpath:booking-status-model.yml");
		assertThat(model.get("statuses")).hasSize(12);
		JsonNode held = model.get("statuses").get(0);
		assertThat(held.get("name").asString()).isEqualTo("held");
		assertThat(held.get("initial").asBoolean()).isTrue();
		assertThat(held.get("guard").asString()).isEqualTo("holdRequested");
		assertThat(held.get("final").asBoolean()).isFalse();
		assertThat(held.get("occupiesTime").asBoolean()).isTrue();
		assertThat(held.get("countsAsBooked").asBoolean()).isFalse();
		assertThat(held.get("transitions").valueStream().map(JsonNode::asString)).containsExactly("confirm_hold",
				"abort", "cancel");
		assertThat(model.get("statuses").get(1).get("final").asBoolean()).isTrue();
		JsonNode dispatch = model.get("transitions")
			.valueStream()
			.filter((transition) -> transition.get("name").asString().equals("dispatch"))
			.findFirst()
			.orElseThrow();
		assertThat(dispatch.get("by").asString()).isEqualTo("system");
		assertThat(dispatch.get("trigger").asString()).isEqualTo("allocation");
		assertThat(dispatch.get("from").valueStream().map(JsonNode::asString)).containsExactly("to_be_dispatched",
				"partially_dispatched");
		JsonNode holdTimeout = model.get("timeouts").get(0);
		assertThat(holdTimeout.get("status").asString()).isEqualTo("held");
		assertThat(holdTimeout.get("after").asString()).isEqualTo("PT20M");
		assertThat(holdTimeout.get("transition").asString()).isEqualTo("abort");
		assertThat(model.get("timeouts").get(1).get("at").asString()).isEqualTo("startsAt");
	}

	@Test
	void bookingsInStatusesTheModelDoesNotHaveAreReported() {
		// given
		this.data.booking(this.bob, this.north, null, LocalDate.of(2026, 4, 14), this.visit,
				this.visit.plusSeconds(1800), "confirmed");
		this.data.booking(this.bob, this.north, null, LocalDate.of(2026, 4, 14), this.visit,
				this.visit.plusSeconds(1800), "dispatched");
		// when
		List<String> unknown = this.warning.unknownStatuses();
		// then
		assertThat(unknown).containsExactly("confirmed");
	}

	@Test
	void theModelNeedsAUser() {
		// then
		assertThat(this.api.get(null, "/api/booking-status-model").status()).isEqualTo(401);
	}

}
